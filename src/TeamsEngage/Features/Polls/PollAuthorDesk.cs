using TeamsEngage.Asking;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// The author's buttons on a poll they drafted or sent: send, results, close, remind. Who may press which is decided
/// by <see cref="PollAuthorAccess"/> before a method here runs.
/// </summary>
public sealed class PollAuthorDesk(PollService service, AskAudiences audiences, PollResultsBuilder results)
{
    /// <summary>Send on the preview, while the audience is still the author's to poll.</summary>
    public async Task<CardActionResult> SendAsync(Poll draft, CardAction<PollRef> action, CancellationToken cancellationToken)
    {
        if (draft.Status != PollStatus.Draft)
        {
            return CardActionResult.WithMessage(action.Texts.Poll_AlreadySent);
        }
        if (!await audiences.MayTargetAsync(action.Caller, draft.Spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithMessage(action.Texts.Poll_Refused_Audience);
        }
        return await ResultsAfterAsync(await service.SendAsync(draft, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The results card, with a breakdown the poll offers on request; nobody sees who voted what.</summary>
    public async Task<CardActionResult> ResultsAsync(Poll poll, CardAction<ResultsData> action, CancellationToken cancellationToken)
    {
        return CardActionResult.WithCard(await results.BuildAsync(poll, action.Data.By, action, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Close now.</summary>
    public async Task<CardActionResult> CloseAsync(Poll poll, CardAction<PollRef> action, CancellationToken cancellationToken) =>
        await ResultsAfterAsync(await service.CloseAsync(poll.Id, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);

    /// <summary>The one reminder to people who have not answered.</summary>
    public async Task<CardActionResult> RemindAsync(Poll poll, CardAction<PollRef> action, CancellationToken cancellationToken) =>
        await ResultsAfterAsync(await service.RemindAsync(poll, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);

    private async Task<CardActionResult> ResultsAfterAsync(UpdateResult<Poll, Poll> update, CardActionContext context, CancellationToken cancellationToken) => update switch
    {
        { Outcome: UpdateOutcome.Contended } => CardActionResult.ChangedMeanwhile,
        { Refusal: { } key } => CardActionResult.WithMessage(context.Texts[key]),
        { State: { } poll } => CardActionResult.WithCard(await results.BuildAsync(poll, null, context, cancellationToken).ConfigureAwait(false)),
        _ => CardActionResult.NotFound,
    };
}

/// <summary>Gathers what the author's results card shows.</summary>
public sealed class PollResultsBuilder(VoteStore votes, PollService service, PollLinks links, Outbox.IOutbox outbox, IOptions<PollsOptions> options)
{
    /// <summary>The card; <paramref name="by"/> is honoured only when the poll offers that breakdown (card data can be forged).</summary>
    public async Task<Cards.AdaptiveCard> BuildAsync(Poll poll, string? by, CardActionContext context, CancellationToken cancellationToken)
    {
        var minimum = options.Value.MinGroupSize;
        var shown = PollDisclosure.Results(poll, await votes.ReadAllAsync(poll, cancellationToken).ConfigureAwait(false), minimum);
        var reach = await service.ReachAsync(poll, shown.Voters, cancellationToken).ConfigureAwait(false);
        // Another administrator reads the same suppressed results, without the author's controls or the export.
        var isAuthor = string.Equals(poll.AuthorUserId, context.Caller.UserId, StringComparison.Ordinal);
        var view = new PollResultsView(
            poll,
            shown,
            reach.Reached,
            minimum,
            by is not null && shown.Breakdowns.ContainsKey(by) ? by : null,
            isAuthor ? await links.ExportLinkAsync(poll.Id, cancellationToken).ConfigureAwait(false) : null)
        {
            Pending = reach.Pending,
            ReadOnly = !isAuthor,
            Writing = await service.WritingAsync(poll, cancellationToken).ConfigureAwait(false),
            Held = poll.Status == PollStatus.Open ? await service.HeldAsync(poll, cancellationToken).ConfigureAwait(false) : null,
            FindingsReach = poll.Findings is null ? null : await FindingsReach.ReadAsync(outbox, PollFindingsDesk.BroadcastId(poll.Id), cancellationToken).ConfigureAwait(false),
        };
        return PollAuthorCards.Results(view, context.Texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()));
    }
}
