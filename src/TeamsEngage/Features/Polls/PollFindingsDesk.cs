using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Outcomes;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>Data of the findings buttons; the composer's inputs arrive merged into it.</summary>
public sealed record FindingsData(
    [property: System.ComponentModel.DataAnnotations.Required] string PollId,
    string? Learned = null,
    string? NextSteps = null,
    string? WithResults = null,
    string? Cites = null);

/// <summary>
/// "Share findings": after a poll closes, its author tells the poll's audience what was learned and what happens next,
/// with the results as the author sees them (withheld the same way). Sent once, through the outbox, and tracked like a
/// notice. Only the author reaches this desk (<see cref="PollAuthorAccess"/>).
/// </summary>
public sealed partial class PollFindingsDesk(
    PollStore polls,
    VoteStore votes,
    IOutbox outbox,
    PollFindingsAudience audiences,
    PollResultsBuilder results,
    IEnumerable<IFeedbackOutcomes> feedback,
    TimeProvider clock,
    IOptions<PollsOptions> options,
    ILogger<PollFindingsDesk> logger)
{
    public const string CardKind = "poll.findings";

    /// <summary>How many feedback items findings may cite.</summary>
    public const int MaxCites = 10;

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
        if ((Validate(action.Data, action.Texts) ?? await UnknownCitesAsync(action.Data, action.Texts, cancellationToken).ConfigureAwait(false)) is { } error)
        {
            return CardActionResult.WithCard(PollFindingsCards.Composer(poll, action.Texts, error, action.Data));
        }
        var findings = Draft(action.Data);
        var cited = await CitedAsync(findings, cancellationToken).ConfigureAwait(false);
        var audience = await audiences.CountAsync(poll.Spec.Audience, cancellationToken).ConfigureAwait(false);
        var shown = await ShownAsync(poll, findings, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(PollFindingsCards.Preview(poll, findings with { Cites = Cites(action.Data) }, shown, cited, audience, options.Value.MinGroupSize, action.Texts, PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone())));
    }

    /// <summary>
    /// Stores the findings and queues their broadcast. Pressing Send again is refused once they are queued; after a crash
    /// between storing and queuing it queues what was stored (queuing is idempotent): the first findings stored are the
    /// ones sent.
    /// </summary>
    public async Task<CardActionResult> ShareAsync(Poll poll, CardAction<FindingsData> action, CancellationToken cancellationToken)
    {
        if ((Validate(action.Data, action.Texts) ?? await UnknownCitesAsync(action.Data, action.Texts, cancellationToken).ConfigureAwait(false)) is { } error)
        {
            return CardActionResult.WithCard(PollFindingsCards.Composer(poll, action.Texts, error, action.Data));
        }
        var draft = Draft(action.Data) with { SharedAt = clock.GetUtcNow() };
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
            BroadcastAudienceSpec.Create(PollFindingsAudience.AudienceKind, new PollFindingsAudienceSpec(stored.Id, stored.Spec.Audience)),
            CancellationToken.None).ConfigureAwait(false);
        LogShared(logger, stored.Id);
        return CardActionResult.WithCard(await results.BuildAsync(stored, null, action, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>What the findings show of the results: the author's totals, or null when withheld or not included.</summary>
    public async Task<PollResults?> ShownAsync(Poll poll, PollFindings findings, CancellationToken cancellationToken) =>
        findings.WithResults
            ? PollDisclosure.Results(poll, await votes.ReadAllAsync(poll, cancellationToken).ConfigureAwait(false), options.Value.MinGroupSize)
            : null;

    private static string? Refusal(Poll poll, Texts texts) =>
        poll.Status != PollStatus.Closed ? texts.Poll_Findings_NotClosed
        : poll.Findings is not null ? texts.Poll_Findings_AlreadyShared
        : null;

    private static string? Validate(FindingsData data, Texts texts)
    {
        var learned = CleanOf(data.Learned);
        var next = CleanOf(data.NextSteps);
        if (learned.Length == 0 || next.Length == 0)
        {
            return texts.Poll_Findings_Required;
        }
        return learned.Length > PollLimits.MaxFindingsLength || next.Length > PollLimits.MaxFindingsLength
            ? texts.Poll_Findings_TooLong(PollLimits.MaxFindingsLength)
            : null;
    }

    private static PollFindings Draft(FindingsData data) =>
        new(CleanOf(data.Learned), CleanOf(data.NextSteps), data.WithResults != "false", DateTimeOffset.MinValue, Cites(data));

    /// <summary>The feedback items the findings cite, as they stand now (items that went away are left out).</summary>
    public async Task<IReadOnlyList<CitedFeedback>> CitedAsync(PollFindings findings, CancellationToken cancellationToken)
    {
        var cited = new List<CitedFeedback>();
        foreach (var id in findings.Cites ?? [])
        {
            foreach (var source in feedback)
            {
                if (await source.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } item)
                {
                    cited.Add(item);
                }
            }
        }
        return cited;
    }

    private async Task<string?> UnknownCitesAsync(FindingsData data, Texts texts, CancellationToken cancellationToken)
    {
        var ids = Cites(data);
        if (ids.Count > MaxCites)
        {
            return texts.Poll_Findings_TooManyCites(MaxCites);
        }
        foreach (var id in ids)
        {
            var found = false;
            foreach (var source in feedback)
            {
                found |= await source.FindAsync(id, cancellationToken).ConfigureAwait(false) is not null;
            }
            if (!found)
            {
                return texts.Poll_Findings_UnknownCite(Cards.CardText.Escape(id));
            }
        }
        return null;
    }

    private static List<string> Cites(FindingsData data) =>
        [.. (data.Cites ?? string.Empty).Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    private static string CleanOf(string? text) => Cards.CardText.Clean(text ?? string.Empty).Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId}: findings shared; their broadcast is queued")]
    private static partial void LogShared(ILogger logger, string pollId);
}
