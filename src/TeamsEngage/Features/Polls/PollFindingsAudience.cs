using TeamsEngage.Calendar;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Polls;

/// <summary>Whom a poll's findings go to: the poll's audience as the directory names it when they are sent.</summary>
public sealed record PollFindingsAudienceSpec(string PollId, Audience Audience);

/// <summary>
/// Resolves the audience of a poll's findings page by page for the outbox's writer. Findings are the answer to a poll
/// people were asked, so the weekly poll cap does not apply and nothing is recorded beyond the outbox's own rows. They
/// are routine: each waits for its recipient's quiet hours.
/// </summary>
public sealed class PollFindingsAudience(IPeopleDirectory directory, QuietHours quiet) : IBroadcastAudience
{
    public const string AudienceKind = "poll.findings.audience";

    public string Kind => AudienceKind;

    public Task<int> CountAsync(string spec, CancellationToken cancellationToken) => directory.CountAsync(Read(spec).Audience, cancellationToken);

    /// <summary>How many people the audience names now.</summary>
    public Task<int> CountAsync(Audience audience, CancellationToken cancellationToken) => directory.CountAsync(audience, cancellationToken);

    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken) =>
        await directory.PageAsync(Read(spec).Audience, afterPersonKey, max, await quiet.PlanAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken) => Task.CompletedTask;

    // An unreadable spec must stop the writer, never widen the audience.
    private static PollFindingsAudienceSpec Read(string spec) =>
        OutboxPayload.Deserialize<PollFindingsAudienceSpec>(spec) ?? throw new InvalidOperationException("A poll findings broadcast's audience spec cannot be read.");
}

/// <summary>Renders <c>poll.findings</c> at send time, in the recipient's language.</summary>
public sealed class PollFindingsRenderer(PollStore polls, PollFindingsDesk desk, IPeopleDirectory directory, Microsoft.Extensions.Options.IOptions<PollsOptions> options) : OutboxRenderer<PollPayload>
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
