using TeamsEngage.Calendar;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Tells the people a notice reached that it changed: one new message each (Teams raises no notification for an
/// updated card), as a broadcast of its own per revision, so each person gets it once whatever the retries.
/// </summary>
/// <remarks>
/// The change is saved with the revision still to tell (<see cref="Notice.TellsDue"/>); the message is queued after, and
/// the revision cleared once it is. A process that stops in between leaves it recorded, and the scheduler's sweep queues
/// it again (a no-op for a revision already queued, as the broadcast id is the revision's).
/// </remarks>
public sealed partial class NoticeTeller(NoticeStore notices, IOutbox outbox, QuietHours quiet, ILogger<NoticeTeller> logger)
{
    /// <summary>How many people the notice reached so far: those a change would tell.</summary>
    public async Task<int> ReachedAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return await outbox.ReadDeliveriesAsync(notice.Id, cancellationToken).CountAsync(d => Reached(d), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues the message about every revision of <paramref name="changed"/> still to tell, to everyone its card reached
    /// (the people whose delivery is still pending get the changed card itself), then clears them on the notice. A notice
    /// that is not urgent waits for quiet hours and the school calendar, like its reminder. Returns how many were queued.
    /// </summary>
    /// <remarks>No cancellation token: once the change is saved, telling it goes through whatever happens to the request.</remarks>
    public async Task<int> TellDueAsync(Notice changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var queued = 0;
        foreach (var due in changed.TellsDue ?? [])
        {
            queued += (await TellAsync(changed, due).ConfigureAwait(false)).Queued;
        }
        if (changed.TellsDue is { Count: > 0 } told)
        {
            var revisions = told.Select(t => t.Revision).ToHashSet();
            await notices.UpdateAsync(changed.Id, current => current.TellsDue is { Count: > 0 } left
                ? Decision.Write(current with { TellsDue = [.. left.Where(t => !revisions.Contains(t.Revision))] })
                : Decision.Refuse<Notice>(TextKeys.Notice_ChangedMeanwhile), CancellationToken.None).ConfigureAwait(false);
        }
        return queued;
    }

    private async Task<BroadcastReceipt> TellAsync(Notice changed, NoticeTellDue due)
    {
        var plan = changed.Content.Urgent ? null : await quiet.PlanAsync(CancellationToken.None).ConfigureAwait(false);
        var reached = outbox.ReadDeliveriesAsync(changed.Id, CancellationToken.None)
            .Where(d => Reached(d))
            .Select(d => new BroadcastRecipient(d.PersonKey, d.UserId, d.DepartmentCode, d.Role, plan?.For(d.DepartmentCode)));
        var payload = new NoticeChangePayload(changed.Id, due.Revision, due.Changes, due.Before, due.AckAgain);
        var request = BroadcastRequest.Create(Notice.ChangeIdOf(changed.Id, due.Revision), NoticeVerbs.ChangeKind, payload, OutboxPriority.Normal);
        var receipt = await outbox.StartBroadcastAsync(request, reached, CancellationToken.None).ConfigureAwait(false);
        LogTold(logger, changed.Id, due.Revision, receipt.Queued);
        return receipt;
    }

    private static bool Reached(DeliveryRecord delivery) => delivery.Status == DeliveryStatus.Sent && delivery.UserId is not null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId}: revision {Revision} told to {Count} people")]
    private static partial void LogTold(ILogger logger, string noticeId, int revision, int count);
}
