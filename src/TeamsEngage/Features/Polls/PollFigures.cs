using System.Security.Cryptography;
using System.Text;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// What polls add to the reports as it happens: the people a poll was sent to and the people who answered, by
/// department and by role (never crossed, never with an answer's content). Small groups are hidden where figures are
/// shown, under the polls' <see cref="PollsOptions.MinGroupSize"/>.
/// </summary>
public sealed class PollFigures(IReportFigures figures)
{
    /// <summary>A page of recipients was recorded; a page written again (a resumed broadcast) is not counted twice.</summary>
    public async Task AskedAsync(string pollId, IReadOnlyList<PollRecipient> page, DateTimeOffset at)
    {
        if (page.Count == 0 || !await figures.ClaimOnceAsync("asked|" + pollId + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{page[0].UserId}|{page[^1].UserId}|{page.Count}"))), CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }
        await figures.RecordAsync(new Figure(PollCounters.Area, PollCounters.Asked, at, [new("poll", pollId)], Amount: page.Count), CancellationToken.None).ConfigureAwait(false);
        foreach (var group in page.GroupBy(r => DepartmentOf(r.DepartmentCode)))
        {
            await figures.RecordAsync(new Figure(PollCounters.Area, PollCounters.Asked, at, [new("dept", group.Key)], Amount: group.Count(), InDistrict: false), CancellationToken.None).ConfigureAwait(false);
        }
        foreach (var group in page.GroupBy(r => RoleOf(r.Role)))
        {
            await figures.RecordAsync(new Figure(PollCounters.Area, PollCounters.Asked, at, [new("role", group.Key)], Amount: group.Count(), InDistrict: false), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A first answer (a changed vote is not counted again: the vote's insert tells them apart). Handed to the figures'
    /// writer, so the vote does not wait for the report rows.
    /// </summary>
    public void Answered(string pollId, PollRecipient recipient, DateTimeOffset at) =>
        figures.RecordSoon(new Figure(PollCounters.Area, PollCounters.Answered, at, [new("poll", pollId), new("dept", DepartmentOf(recipient.DepartmentCode)), new("role", RoleOf(recipient.Role))]));

    private static string DepartmentOf(string? code) => code?.ToUpperInvariant() ?? "-";

    private static string RoleOf(string? role) => string.IsNullOrWhiteSpace(role) ? "-" : role.Trim().ToLowerInvariant();
}
