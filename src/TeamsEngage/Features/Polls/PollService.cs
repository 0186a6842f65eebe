using System.Diagnostics;
using Microsoft.Extensions.Options;
using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>What a poll's life needs beyond one card: drafting, sending through the outbox, closing and reminding.</summary>
public sealed partial class PollService(
    PollStore polls,
    VoteStore votes,
    IOutbox outbox,
    PollBroadcastAudience audiences,
    QuietHours quiet,
    ITableStore store,
    TimeProvider clock,
    IOptions<PollsOptions> options,
    ILogger<PollService> logger)
{
    public const string CardKind = "poll.card";
    public const string ReminderKind = "poll.reminder";

    private static readonly TimeSpan QuickWrite = TimeSpan.FromSeconds(2);

    private IOutbox Outbox { get; } = outbox;

    /// <summary>Stores a draft for its author to preview.</summary>
    public Task<Poll> CreateDraftAsync(PollSpec spec, Caller author, CancellationToken cancellationToken) =>
        polls.CreateDraftAsync(new Poll(PollStore.NewId(), spec, author.UserId, author.Name, PollStatus.Draft, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Sends a draft: opens voting and queues the broadcast (the audience as a spec; the outbox's writer records
    /// recipients in the background). Refused with <c>Poll_AlreadySent</c> when another press of Send won, and with
    /// <c>Poll_Refused_AnonymousTooFewNow</c> when the weekly cap leaves an anonymous poll too few recipients.
    /// </summary>
    public async Task<UpdateResult<Poll, Poll>> SendAsync(Poll draft, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var decided = await DecideAnonymousAsync(draft, now, cancellationToken).ConfigureAwait(false);
        if (decided is { Refused: true })
        {
            return new UpdateResult<Poll, Poll>(draft, null, TextKeys.Poll_Refused_AnonymousTooFewNow, UpdateOutcome.Refused);
        }
        await polls.OpenAsync(draft, cancellationToken).ConfigureAwait(false);
        // From the conditional update on, the request no longer decides: an open poll without its broadcast queued
        // would refuse Send and reach nobody. The update is the lock: of two presses of Send, one wins.
        var sending = await OptimisticUpdate.ApplyAsync(
            ct => polls.FindAsync(draft.Id, ct),
            poll => poll.Status == PollStatus.Draft
                ? Decision.Write(poll with { Status = PollStatus.Open, VoteGroups = decided?.Groups })
                : Decision.Refuse<Poll>(TextKeys.Poll_AlreadySent),
            (_, open, ct) => polls.UpdateAsync(open, ct),
            CancellationToken.None).ConfigureAwait(false);
        if (sending is not { Written: true, State: { } open })
        {
            return sending;
        }
        await Outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(open.Id, CardKind, new PollPayload(open.Id)),
            BroadcastAudienceSpec.Create(PollBroadcastAudience.AudienceKind, new PollAudienceSpec(open.Id, open.Spec.Audience, now, decided?.Excluded)),
            CancellationToken.None).ConfigureAwait(false);
        LogSent(logger, open.Id);
        return sending with { State = await AfterQuickWritingAsync(open, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// Queues the broadcast of an open poll whose sending was cut short after voting opened (the process died before
    /// queuing); a no-op when it is queued already. Returns true when this call queued it. The weekly cap decided at
    /// sending is lost with the process: an anonymous poll is queued without it, so its groups can only grow, never fall
    /// below what was checked; a named poll's cap is applied by the writer as usual.
    /// </summary>
    public async Task<bool> QueueIfLostAsync(string pollId, CancellationToken cancellationToken)
    {
        if (await polls.FindAsync(pollId, cancellationToken).ConfigureAwait(false) is not { Status: PollStatus.Open } open
            || await Outbox.ReadProgressAsync(open.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }
        await Outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(open.Id, CardKind, new PollPayload(open.Id)),
            BroadcastAudienceSpec.Create(PollBroadcastAudience.AudienceKind, new PollAudienceSpec(open.Id, open.Spec.Audience, clock.GetUtcNow(), open.Spec.Anonymous ? [] : null)),
            cancellationToken).ConfigureAwait(false);
        LogRequeued(logger, open.Id);
        return true;
    }

    /// <summary>
    /// A school-sized poll is written within moments: answering after that lets the author's card say who the weekly cap
    /// left out. A large one answers at once with its progress. Only the waiting depends on the request.
    /// </summary>
    private async Task<Poll> AfterQuickWritingAsync(Poll open, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (await WritingAsync(open, cancellationToken).ConfigureAwait(false) is not null)
            {
                if (Stopwatch.GetElapsedTime(started) > QuickWrite)
                {
                    return open;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
            }
            return await polls.FindAsync(open.Id, cancellationToken).ConfigureAwait(false) ?? open;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return open;
        }
    }

    /// <summary>
    /// An anonymous poll's stored votes name only groups large enough in its audience, so who receives it is decided
    /// here, before voting opens: the weekly cap is applied now (the writer leaves out exactly these people, so no group
    /// shrinks after it was counted) and the groups fixed. Null for a named poll: the writer applies the cap itself.
    /// </summary>
    private async Task<AnonymousAudience?> DecideAnonymousAsync(Poll draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!draft.Spec.Anonymous)
        {
            return null;
        }
        var (recipients, excluded) = await audiences.ChooseAsync(draft.Id, draft.Spec.Audience, now, cancellationToken).ConfigureAwait(false);
        var reachable = recipients.Where(r => r.UserId is not null).Select(r => new PollRecipient(r.UserId!, r.PersonKey, r.DepartmentCode, r.Role)).ToList();
        var minimum = options.Value.MinGroupSize;
        // The weekly cap can shrink an audience the preview accepted below what anonymity needs.
        return reachable.Count < minimum
            ? new AnonymousAudience(true, [], [])
            : new AnonymousAudience(false, PollDisclosure.VoteGroups(draft, reachable, minimum), excluded);
    }

    private sealed record AnonymousAudience(bool Refused, IReadOnlyList<string> Groups, IReadOnlyList<string> Excluded);

    /// <summary>How far the writing of the poll's broadcast is; null once every recipient has a row.</summary>
    public async Task<BroadcastProgress?> WritingAsync(Poll poll, CancellationToken cancellationToken) =>
        await Outbox.ReadProgressAsync(poll.Id, cancellationToken).ConfigureAwait(false) is { Done: false } writing ? writing : null;

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
            await SealAsync(pollId, cancellationToken).ConfigureAwait(false);
            var updated = await Outbox.UpdateDeliveredAsync(pollId, CardKind, new PollPayload(pollId), cancellationToken).ConfigureAwait(false);
            LogClosed(logger, pollId, updated);
        }
        return closing;
    }

    /// <summary>
    /// What closing does to the store, safe to repeat (the closing sweep repeats it until it has finished): an anonymous
    /// poll's voter keys are replaced by random ones, its secret is deleted, and the deleted bytes are wiped from the
    /// store's files. The open-list entry goes last, so a crash part-way leaves the sweep something to finish.
    /// </summary>
    public async Task SealAsync(string pollId, CancellationToken cancellationToken)
    {
        if (await polls.FindAsync(pollId, cancellationToken).ConfigureAwait(false) is { Spec.Anonymous: true, Status: PollStatus.Closed })
        {
            var sealedVotes = await votes.SealAsync(pollId, cancellationToken).ConfigureAwait(false);
            LogSealed(logger, pollId, sealedVotes);
        }
        await polls.ForgetSecretAsync(pollId, cancellationToken).ConfigureAwait(false);
        votes.Invalidate(pollId);
        await store.ForgetDeletedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the one reminder to recipients who have not voted (the renderer skips those who have). Refused with
    /// <c>Poll_RemindRefused</c> when already reminded or not open, and with <c>Poll_RemindWhileWriting</c> while the
    /// recipients are still being recorded (the reminder goes to recorded recipients, so it would leave some out).
    /// </summary>
    public async Task<UpdateResult<Poll, Poll>> RemindAsync(Poll poll, CancellationToken cancellationToken)
    {
        if (await WritingAsync(poll, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new UpdateResult<Poll, Poll>(poll, null, TextKeys.Poll_RemindWhileWriting, UpdateOutcome.Refused);
        }
        var reminding = await OptimisticUpdate.ApplyAsync(
            ct => polls.FindAsync(poll.Id, ct),
            current => current.Status == PollStatus.Open && current.RemindedAt is null
                ? Decision.Write(current with { RemindedAt = clock.GetUtcNow() })
                : Decision.Refuse<Poll>(TextKeys.Poll_RemindRefused),
            (_, reminded, ct) => polls.UpdateAsync(reminded, ct),
            cancellationToken).ConfigureAwait(false);
        if (!reminding.Written)
        {
            return reminding;
        }
        await RemindNonVotersAsync(poll, cancellationToken).ConfigureAwait(false);
        return reminding;
    }

    /// <summary>
    /// Queues a reminder for each recipient without a vote. Voters get no row at all: a broadcast row per recipient would
    /// keep voters as "Cancelled", by person, after the poll closed. Single messages are deleted once handled.
    /// </summary>
    private async Task RemindNonVotersAsync(Poll poll, CancellationToken cancellationToken)
    {
        var (_, secret) = await polls.FindForVotingAsync(poll.Id, cancellationToken).ConfigureAwait(false);
        if (poll.Spec.Anonymous && secret is null)
        {
            return;
        }
        var quietPlan = await quiet.PlanAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var recipient in polls.ListRecipientsAsync(poll.Id, cancellationToken).ConfigureAwait(false))
        {
            if (await votes.FindAsync(poll.Id, VoteStore.VoterKey(poll, secret, recipient.UserId), cancellationToken).ConfigureAwait(false) is null)
            {
                await Outbox.EnqueueAsync(OutboxMessage.Create(recipient.UserId, ReminderKind, new PollPayload(poll.Id), OutboxPriority.Normal, quietPlan.For(recipient.DepartmentCode)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The poll's invitations still waiting for their recipients' quiet hours, and when the first of them goes; null
    /// when none waits.
    /// </summary>
    public async Task<HeldInvitations?> HeldAsync(Poll poll, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var held = 0;
        DateTimeOffset? first = null;
        await foreach (var delivery in Outbox.ReadDeliveriesAsync(poll.Id, cancellationToken).ConfigureAwait(false))
        {
            if (delivery is { Status: DeliveryStatus.Pending, NotBefore: { } notBefore } && notBefore > now)
            {
                held++;
                first = first is null || notBefore < first ? notBefore : first;
            }
        }
        return first is { } until ? new HeldInvitations(held, until) : null;
    }

    /// <summary>How many recipients the poll reached: delivered cards (never fewer than the votes).</summary>
    public async Task<int> ReachedAsync(Poll poll, int voters, CancellationToken cancellationToken) =>
        (await ReachAsync(poll, voters, cancellationToken).ConfigureAwait(false)).Reached;

    /// <summary>Who the poll reached (as <see cref="ReachedAsync"/>) and how many invitations still wait in the outbox.</summary>
    public async Task<PollReach> ReachAsync(Poll poll, int voters, CancellationToken cancellationToken)
    {
        var (sent, pending) = (0, 0);
        await foreach (var delivery in Outbox.ReadDeliveriesAsync(poll.Id, cancellationToken).ConfigureAwait(false))
        {
            sent += delivery.Status == DeliveryStatus.Sent ? 1 : 0;
            pending += delivery.Status == DeliveryStatus.Pending ? 1 : 0;
        }
        return new PollReach(Math.Max(sent, voters), pending);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} sent: its broadcast is queued")]
    private static partial void LogSent(ILogger logger, string pollId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll {PollId} was open without its broadcast queued (sending was cut short); queued it now")]
    private static partial void LogRequeued(ILogger logger, string pollId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} sealed: {Votes} anonymous votes re-keyed at random")]
    private static partial void LogSealed(ILogger logger, string pollId, int votes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} closed; {Updated} delivered cards queued for update")]
    private static partial void LogClosed(ILogger logger, string pollId, int updated);
}

/// <summary>Invitations waiting for quiet hours: how many, and when the first of them goes.</summary>
public sealed record HeldInvitations(int People, DateTimeOffset Until);

/// <summary>People the poll reached, and invitations queued but not yet delivered.</summary>
public sealed record PollReach(int Reached, int Pending);

/// <summary>The payload of poll messages: the poll id only; everything else is read at send time.</summary>
public sealed record PollPayload(string PollId);
