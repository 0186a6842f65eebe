using TeamsEngage.Calendar;
using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Tells the people a notice reached that it changed: one new message each (Teams raises no notification for an
/// updated card), as a broadcast of its own per revision, so each person gets it once whatever the retries.
/// </summary>
public sealed partial class NoticeTeller(IOutbox outbox, QuietHours quiet, ILogger<NoticeTeller> logger)
{
    /// <summary>How many people the notice reached so far: those a change would tell.</summary>
    public async Task<int> ReachedAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return await outbox.ReadDeliveriesAsync(notice.Id, cancellationToken).CountAsync(d => Reached(d), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues the message about <paramref name="changed"/>'s latest revision to everyone its card reached (the people
    /// whose delivery is still pending get the changed card itself). A notice that is not urgent waits for quiet hours
    /// and the school calendar, like its reminder.
    /// </summary>
    /// <remarks>No cancellation token: once the change is saved, telling it goes through whatever happens to the request.</remarks>
    public async Task<BroadcastReceipt> TellAsync(Notice changed, NoticeWindow before, bool ackAgain)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var plan = changed.Content.Urgent ? null : await quiet.PlanAsync(CancellationToken.None).ConfigureAwait(false);
        var reached = outbox.ReadDeliveriesAsync(changed.Id, CancellationToken.None)
            .Where(d => Reached(d))
            .Select(d => new BroadcastRecipient(d.PersonKey, d.UserId, d.DepartmentCode, d.Role, plan?.For(d.DepartmentCode)));
        var payload = new NoticeChangePayload(changed.Id, changed.Revision, changed.Changes, before, ackAgain);
        var request = BroadcastRequest.Create(Notice.ChangeIdOf(changed.Id, changed.Revision), NoticeVerbs.ChangeKind, payload, OutboxPriority.Normal);
        var receipt = await outbox.StartBroadcastAsync(request, reached, CancellationToken.None).ConfigureAwait(false);
        LogTold(logger, changed.Id, changed.Revision, receipt.Queued);
        return receipt;
    }

    private static bool Reached(DeliveryRecord delivery) => delivery.Status == DeliveryStatus.Sent && delivery.UserId is not null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId}: revision {Revision} told to {Count} people")]
    private static partial void LogTold(ILogger logger, string noticeId, int revision, int count);
}
