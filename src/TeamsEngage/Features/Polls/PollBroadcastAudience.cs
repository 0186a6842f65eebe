using TeamsEngage.Anonymity;
using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Reporting;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// What a poll's queued broadcast stores about its recipients: the audience, and the time the weekly cap is counted at.
/// <paramref name="Excluded"/>: when the cap was applied at sending (anonymous polls), the people it left out; the writer
/// then leaves out exactly those instead of asking the ledger again.
/// </summary>
public sealed record PollAudienceSpec(string PollId, Audience Audience, DateTimeOffset At, IReadOnlyList<string>? Excluded = null);

/// <summary>
/// Resolves a queued poll's audience page by page for the outbox's writer: people over the weekly cap are left out,
/// and each recipient is recorded (recipient row, ledger) before their outbox row exists, so a vote is never refused
/// for lack of a recipient row. Both records are idempotent, so a page resolved twice after a crash changes nothing.
/// </summary>
public sealed class PollBroadcastAudience(IPeopleDirectory directory, PollStore polls, AskLedger ledger, QuietHours quiet, AskFigures figures) : IBroadcastAudience
{
    public const string AudienceKind = "poll.audience";

    public string Kind => AudienceKind;

    public async Task<int> CountAsync(string spec, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in directory.ResolveAudienceAsync(Read(spec).Audience, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }
        return count;
    }

    /// <summary>The audience now, split by the weekly cap into recipients and the keys of the people it leaves out.</summary>
    public async Task<(List<BroadcastRecipient> Recipients, List<string> Excluded)> ChooseAsync(string pollId, Audience audience, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var recipients = new List<BroadcastRecipient>();
        var excluded = new List<string>();
        await foreach (var person in directory.ResolveAudienceAsync(audience, cancellationToken).ConfigureAwait(false))
        {
            if (await ledger.MayReceiveAsync(person.Key, pollId, at, cancellationToken).ConfigureAwait(false))
            {
                recipients.Add(new BroadcastRecipient(person.Key, person.UserId, person.DepartmentCode, person.Role.ToString()));
            }
            else
            {
                excluded.Add(person.Key);
            }
        }
        return (recipients, excluded);
    }

    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken)
    {
        var poll = Read(spec);
        var excluded = poll.Excluded?.ToHashSet(StringComparer.Ordinal);
        // An invitation is routine: it waits for its recipients' quiet hours.
        var quietPlan = await quiet.PlanAsync(cancellationToken).ConfigureAwait(false);
        var page = new List<BroadcastRecipient>(max);
        var examined = 0;
        string? last = null;
        await foreach (var person in directory.ResolveAudienceAfterAsync(poll.Audience, afterPersonKey, cancellationToken).ConfigureAwait(false))
        {
            examined++;
            last = person.Key;
            var mayReceive = excluded is not null
                ? !excluded.Contains(person.Key)
                : await ledger.MayReceiveAsync(person.Key, poll.PollId, poll.At, cancellationToken).ConfigureAwait(false);
            if (mayReceive)
            {
                page.Add(new BroadcastRecipient(person.Key, person.UserId, person.DepartmentCode, person.Role.ToString(), quietPlan.For(person.DepartmentCode)));
            }
            if (examined == max)
            {
                break;
            }
        }
        await RecordAsync(poll, page, cancellationToken).ConfigureAwait(false);
        return new BroadcastPage(page, examined, examined == max ? last : null);
    }

    /// <summary>Stores how many people the poll went to and how many the weekly cap left out.</summary>
    public async Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var pollId = Read(spec).PollId;
        await OptimisticUpdate.ApplyAsync(
            ct => polls.FindAsync(pollId, ct),
            poll => Decision.Write(poll with { Recipients = totals.Written, Capped = totals.Examined - totals.Written }),
            (_, counted, ct) => polls.UpdateAsync(counted, ct),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(PollAudienceSpec poll, List<BroadcastRecipient> page, CancellationToken cancellationToken)
    {
        PollRecipient[] recipients = [.. page.Where(r => r.UserId is not null).Select(r => new PollRecipient(r.UserId!, r.PersonKey, r.DepartmentCode, r.Role))];
        await polls.AddRecipientsAsync(poll.PollId, recipients, cancellationToken).ConfigureAwait(false);
        await figures.AskedAsync(AskArea.Polls, poll.PollId, [.. recipients.Select(r => new AskedPerson(r.UserId, r.DepartmentCode, r.Role))], poll.At).ConfigureAwait(false);
        foreach (var recipient in page)
        {
            await ledger.RecordAsync(recipient.PersonKey, poll.PollId, poll.At, cancellationToken).ConfigureAwait(false);
        }
    }

    // An unreadable spec must stop the writer, never widen the audience.
    private static PollAudienceSpec Read(string spec) =>
        OutboxPayload.Deserialize<PollAudienceSpec>(spec) ?? throw new InvalidOperationException("A poll broadcast's audience spec cannot be read.");
}
