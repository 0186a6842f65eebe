using Microsoft.Extensions.Options;
using TeamsEngage.Asking;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Outcomes;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>Data of the findings buttons; the composer's inputs arrive merged into it.</summary>
public sealed record FindingsData(
    [property: System.ComponentModel.DataAnnotations.Required] string PollId,
    string? Learned = null,
    string? NextSteps = null,
    string? WithResults = null,
    string? Cites = null)
{
    public FindingsForm Form => new(Learned, NextSteps, WithResults, Cites);

    public static FindingsData Of(string pollId, FindingsForm form) => new(pollId, form.Learned, form.NextSteps, form.WithResults, form.Cites);
}

/// <summary>
/// "Share findings": after a poll closes, its author tells the poll's audience what was learned and what happens next,
/// with the results as the author sees them (withheld the same way). Sent once, through the outbox, and tracked like a
/// notice. Only the author reaches this desk (<see cref="PollAuthorAccess"/>).
/// </summary>
public sealed partial class PollFindingsDesk(
    PollStore polls,
    VoteStore votes,
    IOutbox outbox,
    IPeopleDirectory directory,
    FindingsRules rules,
    PollResultsBuilder results,
    TimeProvider clock,
    IOptions<PollsOptions> options,
    ILogger<PollFindingsDesk> logger)
{
    public const string CardKind = "poll.findings";
    public const string AudienceKind = "poll.findings.audience";

    /// <summary>The broadcast of a poll's findings (one per poll).</summary>
    public static string BroadcastId(string pollId) => pollId + "-findings";

    /// <summary>The composer, offered on a closed poll whose findings are not shared yet.</summary>
    public CardActionResult Compose(Poll poll, CardAction<FindingsData> action) =>
        Refusal(poll, action.Texts) is { } refused
            ? CardActionResult.WithMessage(refused)
            : CardActionResult.WithCard(PollFindingsCards.Composer(poll, action.Texts, null, action.Data));

    /// <summary>The findings as recipients will see them, with the number of people they go to and Send.</summary>
    public async Task<CardActionResult> PreviewAsync(Poll poll, CardAction<FindingsData> action, CancellationToken cancellationToken)
    {
        if (Refusal(poll, action.Texts) is { } refused)
        {
            return CardActionResult.WithMessage(refused);
        }
        if (await rules.CheckAsync(action.Data.Form, action.Texts, cancellationToken).ConfigureAwait(false) is { } error)
        {
            return CardActionResult.WithCard(PollFindingsCards.Composer(poll, action.Texts, error, action.Data));
        }
        var findings = FindingsRules.Draft(action.Data.Form, DateTimeOffset.MinValue);
        var cited = await rules.CitedAsync(findings, cancellationToken).ConfigureAwait(false);
        var audience = await directory.CountAsync(poll.Spec.Audience, cancellationToken).ConfigureAwait(false);
        var shown = await ShownAsync(poll, findings, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(PollFindingsCards.Preview(poll, findings, shown, cited, audience, options.Value.MinGroupSize, action.Texts, PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone())));
    }

    /// <summary>
    /// Stores the findings and queues their broadcast. Pressing Send again is refused once they are queued; after a crash
    /// between storing and queuing it queues what was stored (queuing is idempotent): the first findings stored are the
    /// ones sent.
    /// </summary>
    public async Task<CardActionResult> ShareAsync(Poll poll, CardAction<FindingsData> action, CancellationToken cancellationToken)
    {
        if (await rules.CheckAsync(action.Data.Form, action.Texts, cancellationToken).ConfigureAwait(false) is { } error)
        {
            return CardActionResult.WithCard(PollFindingsCards.Composer(poll, action.Texts, error, action.Data));
        }
        var draft = FindingsRules.Draft(action.Data.Form, clock.GetUtcNow());
        var sharing = await OptimisticUpdate.ApplyAsync(
            ct => polls.FindAsync(poll.Id, ct),
            current => current.Status != PollStatus.Closed ? Decision.Refuse<Poll>(TextKeys.Poll_Findings_NotClosed)
                : current.Findings is null ? Decision.Write(current with { Findings = draft })
                : Decision.Keep<Poll>(),
            (_, shared, ct) => polls.UpdateAsync(shared, ct),
            cancellationToken).ConfigureAwait(false);
        switch (sharing)
        {
            case { Outcome: UpdateOutcome.Contended }:
                return CardActionResult.ChangedMeanwhile;
            case { Refusal: { } key }:
                return CardActionResult.WithMessage(action.Texts[key]);
            case { State: null }:
                return CardActionResult.NotFound;
        }
        var stored = sharing.State!;
        if (!sharing.Written && await outbox.ReadProgressAsync(BroadcastId(stored.Id), cancellationToken).ConfigureAwait(false) is not null)
        {
            return CardActionResult.WithMessage(action.Texts.Poll_Findings_AlreadyShared);
        }
        await outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(BroadcastId(stored.Id), CardKind, new PollPayload(stored.Id)),
            BroadcastAudienceSpec.Create(AudienceKind, new FindingsAudienceSpec(stored.Id, stored.Spec.Audience)),
            CancellationToken.None).ConfigureAwait(false);
        LogShared(logger, stored.Id);
        return CardActionResult.WithCard(await results.BuildAsync(stored, null, action, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>What the findings show of the results: the author's totals, or null when withheld or not included.</summary>
    public async Task<PollResults?> ShownAsync(Poll poll, Findings findings, CancellationToken cancellationToken) =>
        findings.WithResults
            ? PollDisclosure.Results(poll, await votes.ReadAllAsync(poll, cancellationToken).ConfigureAwait(false), options.Value.MinGroupSize)
            : null;

    /// <summary>The feedback items the findings cite, as they stand now.</summary>
    public Task<IReadOnlyList<CitedFeedback>> CitedAsync(Findings findings, CancellationToken cancellationToken) => rules.CitedAsync(findings, cancellationToken);

    private static string? Refusal(Poll poll, Texts texts) =>
        poll.Status != PollStatus.Closed ? texts.Poll_Findings_NotClosed
        : poll.Findings is not null ? texts.Poll_Findings_AlreadyShared
        : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId}: findings shared; their broadcast is queued")]
    private static partial void LogShared(ILogger logger, string pollId);
}

/// <summary>Renders <c>poll.findings</c> at send time, in the recipient's language.</summary>
public sealed class PollFindingsRenderer(PollStore polls, PollFindingsDesk desk, IPeopleDirectory directory, IOptions<PollsOptions> options) : OutboxRenderer<PollPayload>
{
    public override string Kind => PollFindingsDesk.CardKind;

    protected override async Task<RenderedMessage?> RenderAsync(PollPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (payload.PollId is not { Length: > 0 } pollId
            || await polls.FindAsync(pollId, cancellationToken).ConfigureAwait(false) is not { Findings: { } findings } poll)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var shown = await desk.ShownAsync(poll, findings, cancellationToken).ConfigureAwait(false);
        var cited = await desk.CitedAsync(findings, cancellationToken).ConfigureAwait(false);
        var card = PollFindingsCards.Findings(poll, findings, shown, cited, options.Value.MinGroupSize, texts, PeopleTime.ZoneOrUtc(context.Recipient.TimeZone));
        return new RenderedMessage(card, null, texts.Poll_Findings_Notification);
    }
}
