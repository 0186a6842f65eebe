using TeamsEngage.Bot;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>What a poll's life needs beyond one card: drafting, sending through the outbox, closing and reminding.</summary>
public sealed partial class PollService(
    PollStore polls,
    VoteStore votes,
    PollLedger ledger,
    IPeopleDirectory directory,
    IOutbox outbox,
    TimeProvider clock,
    ILogger<PollService> logger)
{
    public const string CardKind = "poll.card";
    public const string ReminderKind = "poll.reminder";

    private IOutbox Outbox { get; } = outbox;

    /// <summary>Stores a draft for its author to preview.</summary>
    public Task<Poll> CreateDraftAsync(PollSpec spec, Caller author, CancellationToken cancellationToken) =>
        polls.CreateDraftAsync(new Poll(PollStore.NewId(), spec, author.UserId, author.Name, PollStatus.Draft, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Sends a draft: applies the weekly cap, records recipients, opens voting, starts the broadcast. Refused with
    /// <c>Poll_AlreadySent</c> when another press of Send won.
    /// </summary>
    public async Task<UpdateResult<Poll, Poll>> SendAsync(Poll draft, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (recipients, capped) = await ChooseRecipientsAsync(draft, now, cancellationToken).ConfigureAwait(false);
        await polls.OpenAsync(draft, cancellationToken).ConfigureAwait(false);
        // The conditional update is the lock: of two presses of Send, one wins.
        var sending = await OptimisticUpdate.ApplyAsync(
            ct => polls.FindAsync(draft.Id, ct),
            poll => poll.Status == PollStatus.Draft
                ? Decision.Write(poll with { Status = PollStatus.Open, Recipients = recipients.Count, Capped = capped })
                : Decision.Refuse<Poll>("Poll_AlreadySent"),
            (_, open, ct) => polls.UpdateAsync(open, ct),
            cancellationToken).ConfigureAwait(false);
        if (sending is not { Written: true, State: { } open })
        {
            return sending;
        }
        await polls.AddRecipientsAsync(open.Id, [.. recipients.Where(r => r.UserId is not null).Select(r => new PollRecipient(r.UserId!, r.PersonKey, r.DepartmentCode, r.Role))], cancellationToken).ConfigureAwait(false);
        foreach (var r in recipients)
        {
            await ledger.RecordAsync(r.PersonKey, open.Id, now, cancellationToken).ConfigureAwait(false);
        }
        var receipt = await Outbox.StartBroadcastAsync(BroadcastRequest.Create(open.Id, CardKind, new PollPayload(open.Id)), recipients.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        LogSent(logger, open.Id, receipt.Queued, receipt.Unreachable, capped);
        return sending;
    }

    /// <summary>
    /// Closes an open poll: no more votes, the voter secret is destroyed, and every delivered card shows the closed poll.
    /// A poll already closed is left as it is (<see cref="UpdateOutcome.Unchanged"/>).
    /// </summary>
    public async Task<UpdateResult<Poll, Poll>> CloseAsync(string pollId, CancellationToken cancellationToken)
    {
        var closing = await OptimisticUpdate.ApplyAsync(
            ct => polls.FindAsync(pollId, ct),
            poll => poll.Status == PollStatus.Open ? Decision.Write(poll with { Status = PollStatus.Closed, ClosedAt = clock.GetUtcNow() }) : Decision.Keep<Poll>(),
            (_, closed, ct) => polls.UpdateAsync(closed, ct),
            cancellationToken).ConfigureAwait(false);
        if (closing.Written)
        {
            await polls.ForgetSecretAsync(pollId, cancellationToken).ConfigureAwait(false);
            votes.Invalidate(pollId);
            var updated = await Outbox.UpdateDeliveredAsync(pollId, CardKind, new PollPayload(pollId), cancellationToken).ConfigureAwait(false);
            LogClosed(logger, pollId, updated);
        }
        return closing;
    }

    /// <summary>
    /// Sends the one reminder to recipients who have not voted (the renderer skips those who have). Refused with
    /// <c>Poll_RemindRefused</c> when already reminded or not open.
    /// </summary>
    public async Task<UpdateResult<Poll, Poll>> RemindAsync(Poll poll, CancellationToken cancellationToken)
    {
        var reminding = await OptimisticUpdate.ApplyAsync(
            ct => polls.FindAsync(poll.Id, ct),
            current => current.Status == PollStatus.Open && current.RemindedAt is null
                ? Decision.Write(current with { RemindedAt = clock.GetUtcNow() })
                : Decision.Refuse<Poll>("Poll_RemindRefused"),
            (_, reminded, ct) => polls.UpdateAsync(reminded, ct),
            cancellationToken).ConfigureAwait(false);
        if (!reminding.Written)
        {
            return reminding;
        }
        var recipients = polls.ListRecipientsAsync(poll.Id, cancellationToken)
            .Select(r => new BroadcastRecipient(r.PersonKey, r.UserId, r.DepartmentCode, r.Role));
        await Outbox.StartBroadcastAsync(BroadcastRequest.Create(poll.Id + "-reminder", ReminderKind, new PollPayload(poll.Id), OutboxPriority.Normal), recipients, cancellationToken).ConfigureAwait(false);
        return reminding;
    }

    /// <summary>How many recipients the poll reached: delivered cards (never fewer than the votes).</summary>
    public async Task<int> ReachedAsync(Poll poll, int voters, CancellationToken cancellationToken)
    {
        var sent = 0;
        await foreach (var delivery in Outbox.ReadDeliveriesAsync(poll.Id, cancellationToken).ConfigureAwait(false))
        {
            sent += delivery.Status == DeliveryStatus.Sent ? 1 : 0;
        }
        return Math.Max(sent, voters);
    }

    private async Task<(List<BroadcastRecipient> Recipients, int Capped)> ChooseRecipientsAsync(Poll poll, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = new List<BroadcastRecipient>();
        var capped = 0;
        await foreach (var person in directory.ResolveAudienceAsync(poll.Spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            if (await ledger.MayReceiveAsync(person.Key, poll.Id, now, cancellationToken).ConfigureAwait(false))
            {
                recipients.Add(new BroadcastRecipient(person.Key, person.UserId, person.DepartmentCode, person.Role.ToString()));
            }
            else
            {
                capped++;
            }
        }
        return (recipients, capped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} sent: {Queued} queued, {Unreachable} unreachable, {Capped} left out by the weekly cap")]
    private static partial void LogSent(ILogger logger, string pollId, int queued, int unreachable, int capped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} closed; {Updated} delivered cards queued for update")]
    private static partial void LogClosed(ILogger logger, string pollId, int updated);
}

/// <summary>The payload of poll messages: the poll id only; everything else is read at send time.</summary>
public sealed record PollPayload(string PollId);
