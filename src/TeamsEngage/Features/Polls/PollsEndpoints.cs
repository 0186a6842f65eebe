using System.Text;
using Microsoft.Extensions.Options;

namespace TeamsEngage.Features.Polls;

/// <summary>The CSV export, reachable only through a signed link that expires.</summary>
public static class PollsEndpoints
{
    public static IEndpointRouteBuilder MapPolls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/polls/{pollId}/export.csv", ExportAsync);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        string pollId,
        string? exp,
        string? sig,
        PollLinks links,
        PollStore polls,
        VoteStore votes,
        IOptions<PollsOptions> options,
        CancellationToken cancellationToken)
    {
        if (!await links.IsValidAsync(pollId, exp, sig, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var poll = await polls.FindAsync(pollId, cancellationToken).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return TypedResults.NotFound();
        }
        var named = poll.Spec.Anonymous ? null : await votes.ReadNamedAsync(poll.Id, cancellationToken).ConfigureAwait(false);
        var all = named?.Select(v => v.Vote).ToList() ?? [.. await votes.ReadAllAsync(poll.Id, cancellationToken).ConfigureAwait(false)];
        var csv = PollCsv.Build(poll, PollTally.From(poll.Spec.Options.Count, all), all, options.Value.MinGroupSize, named);
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"poll-{poll.Id}.csv");
    }
}
