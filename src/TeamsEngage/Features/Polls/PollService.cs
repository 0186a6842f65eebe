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
    IServiceProvider services,
    TimeProvider clock,
    ILogger<PollService> logger)
{
    public const string CardKind = "poll.card";
    public const string ReminderKind = "poll.reminder";

    // Resolved when used, so the bot starts (and votes work) even where a deployment has not wired these yet.
    private IPeopleDirectory Directory => services.GetRequiredService<IPeopleDirectory>();

    private IOutbox Outbox => services.GetRequiredService<IOutbox>();

    /// <summary>Stores a draft for its author to preview.</summary>
    public Task<Poll> CreateDraftAsync(PollSpec spec, Caller author, CancellationToken cancellationToken) =>
        polls.CreateDraftAsync(new Poll(PollStore.NewId(), spec, author.UserId, author.Name, PollStatus.Draft, clock.GetUtcNow()), cancellationToken);

    /// <summary>The departments a liaison looks after (as liaison or backup).</summary>
    public async Task<IReadOnlyList<string>> OwnDepartmentsAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.PersonKey is not { } key || services.GetService<IPeopleDirectory>() is not { } directory)
        {
            return [];
        }
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. departments.Where(d => d.LiaisonKey == key || d.BackupKey == key).Select(d => d.Code)];
    }

    /// <summary>Administrators may poll anyone; liaisons only whole departments of their own.</summary>
    public async Task<bool> MayTargetAsync(Caller caller, Audience audience, CancellationToken cancellationToken)
    {
        if (caller.Has(Role.Administrator))
        {
            return true;
        }
        if (!caller.Has(Role.Liaison) || audience.Kind != AudienceKind.Departments || audience.Values.Count == 0)
        {
            return false;
        }
        var own = await OwnDepartmentsAsync(caller, cancellationToken).ConfigureAwait(false);
        return audience.Values.All(v => own.Contains(v, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Sends a draft: applies the weekly cap, records recipients, opens voting, starts the broadcast. Null if it was already sent.</summary>
    public async Task<Poll?> SendAsync(Poll draft, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (recipients, capped) = await ChooseRecipientsAsync(draft, now, cancellationToken).ConfigureAwait(false);
        await polls.OpenAsync(draft, cancellationToken).ConfigureAwait(false);
        Poll open;
        try
        {
            // The conditional update is the lock: of two presses of Send, one wins.
            open = await polls.UpdateAsync(draft with { Status = PollStatus.Open, Recipients = recipients.Count, Capped = capped }, cancellationToken).ConfigureAwait(false);
        }
        catch (StorePreconditionFailedException)
        {
            return null;
        }
        await polls.AddRecipientsAsync(open.Id, [.. recipients.Where(r => r.UserId is not null).Select(r => new PollRecipient(r.UserId!, r.PersonKey, r.DepartmentCode, r.Role))], cancellationToken).ConfigureAwait(false);
        foreach (var r in recipients)
        {
            await ledger.RecordAsync(r.PersonKey, open.Id, now, cancellationToken).ConfigureAwait(false);
        }
        var receipt = await Outbox.StartBroadcastAsync(BroadcastRequest.Create(open.Id, CardKind, new PollPayload(open.Id)), recipients.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        LogSent(logger, open.Id, receipt.Queued, receipt.Unreachable, capped);
        return open;
    }

    /// <summary>Closes an open poll: no more votes, the voter secret is destroyed, and every delivered card shows the closed poll.</summary>
    public async Task<Poll?> CloseAsync(string pollId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var poll = await polls.FindAsync(pollId, cancellationToken).ConfigureAwait(false);
            if (poll is null || poll.Status != PollStatus.Open)
            {
                return poll;
            }
            try
            {
                var closed = await polls.UpdateAsync(poll with { Status = PollStatus.Closed, ClosedAt = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
                await polls.ForgetSecretAsync(pollId, cancellationToken).ConfigureAwait(false);
                votes.Invalidate(pollId);
                var updated = await Outbox.UpdateDeliveredAsync(pollId, CardKind, new PollPayload(pollId), cancellationToken).ConfigureAwait(false);
                LogClosed(logger, pollId, updated);
                return closed;
            }
            catch (StorePreconditionFailedException)
            {
                // Changed meanwhile (a reminder, another close): read again.
            }
        }
        return await polls.FindAsync(pollId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the one reminder to recipients who have not voted (the renderer skips those who have). False if already reminded or not open.</summary>
    public async Task<bool> RemindAsync(Poll poll, CancellationToken cancellationToken)
    {
        if (poll.Status != PollStatus.Open || poll.RemindedAt is not null)
        {
            return false;
        }
        try
        {
            await polls.UpdateAsync(poll with { RemindedAt = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
        catch (StorePreconditionFailedException)
        {
            return false;
        }
        var recipients = polls.ListRecipientsAsync(poll.Id, cancellationToken)
            .Select(r => new BroadcastRecipient(r.PersonKey, r.UserId, r.DepartmentCode, r.Role));
        await Outbox.StartBroadcastAsync(BroadcastRequest.Create(poll.Id + "-reminder", ReminderKind, new PollPayload(poll.Id), OutboxPriority.Normal), recipients, cancellationToken).ConfigureAwait(false);
        return true;
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
        await foreach (var person in Directory.ResolveAudienceAsync(poll.Spec.Audience, cancellationToken).ConfigureAwait(false))
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
