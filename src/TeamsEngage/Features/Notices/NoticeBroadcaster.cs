using TeamsEngage.Calendar;
using TeamsEngage.Outcomes;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>Everything a notice asks of the outbox: send to its audience, update or cancel what went out, remind, report.</summary>
public sealed partial class NoticeBroadcaster(
    NoticeStore notices,
    NoticeAcknowledgements acks,
    IPeopleDirectory directory,
    IOutbox outbox,
    IFeedbackOutcomes feedback,
    QuietHours quiet,
    TimeProvider clock,
    ILogger<NoticeBroadcaster> logger)
{
    /// <summary>How many people the audience holds now.</summary>
    public Task<int> CountAsync(Audience audience, CancellationToken cancellationToken) => directory.CountAsync(audience, cancellationToken);

    // Another request may have sent, cancelled or rescheduled it since the caller looked: only the send time the caller
    // saw may go out, so the scheduler never sends early a notice its author has just moved.
    private Decision<Notice> StillToSend(Notice current, DateTimeOffset? sendAt, NoticeAuthorCard? card) =>
        current.State is NoticeState.Draft or NoticeState.Scheduled && current.SendAt == sendAt
            ? Decision.Write(current with { State = NoticeState.Sent, SentAt = clock.GetUtcNow(), AuthorCard = card ?? current.AuthorCard })
            : Decision.Refuse<Notice>(TextKeys.Notice_AlreadySent);

    /// <summary>
    /// Marks the notice sent (only one caller wins: the ETag decides) and queues its broadcast: the audience as a spec,
    /// which the outbox's writer turns into rows in the background. Returns null when the notice was sent, cancelled or
    /// given another send time meanwhile. <paramref name="card"/>: the author's card to update with the progress (kept from
    /// scheduling when null).
    /// </summary>
    /// <remarks>
    /// It takes no cancellation token on purpose: once called, the send goes through whatever happens to the request
    /// that asked for it, since a notice marked Sent without its broadcast queued would refuse Send and reach nobody.
    /// </remarks>
    public async Task<Notice?> SendAsync(Notice notice, NoticeAuthorCard? card = null)
    {
        var claim = await notices.UpdateAsync(notice.Id, current => StillToSend(current, notice.SendAt, card), CancellationToken.None).ConfigureAwait(false);
        if (!claim.Written || claim.State is not { } sent)
        {
            return null;
        }
        await QueueAsync(sent, CancellationToken.None).ConfigureAwait(false);
        LogSent(logger, notice.Id);
        await PlanAnsweredAsync(sent).ConfigureAwait(false);
        return sent;
    }

    // The feedback the notice answers becomes Planned for the day the window starts (in the notice's zone), and its supporters are told.
    private Task PlanAnsweredAsync(Notice sent)
    {
        if (sent.Content.Answers is not { Count: > 0 } answers)
        {
            return Task.CompletedTask;
        }
        var zone = PeopleTime.Find(sent.Content.Window.TimeZone) ?? TimeZoneInfo.Utc;
        var (startDay, _) = PeopleTime.ToLocal(sent.Content.Window.Start, zone);
        return feedback.PlanAnsweredAsync(answers, sent.Content.Title, startDay, "notice:" + sent.Id, CancellationToken.None);
    }

    /// <summary>Queues the broadcast of a sent notice; does nothing when it is queued already.</summary>
    public Task QueueAsync(Notice sent, CancellationToken cancellationToken) => outbox.QueueBroadcastAsync(
        BroadcastRequest.Create(sent.Id, NoticeVerbs.CardKind, new NoticePayload(sent.Id)),
        BroadcastAudienceSpec.Create(NoticeAudience.AudienceKind, new NoticeAudienceSpec(sent.Content.Audience, Routine: !sent.Content.Urgent, NoticeId: sent.Id)),
        cancellationToken);

    /// <summary>The delivery records of the people the notice could not reach (not installed, blocked, gone, failed), by name key.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> UnreachableAsync(Notice notice, CancellationToken cancellationToken) =>
        await outbox.ReadDeliveriesAsync(notice.Id, cancellationToken)
            .Where(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Unreachable)
            .OrderBy(d => d.PersonKey, StringComparer.Ordinal)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>How many people of the audience cannot be reached yet: nobody has a chat with the bot for them.</summary>
    public async Task<int> UnreachableCountAsync(Audience audience, CancellationToken cancellationToken) =>
        await directory.ResolveAudienceAsync(audience, cancellationToken).CountAsync(p => string.IsNullOrWhiteSpace(p.UserId), cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the outbox is still writing the rows of the notice's broadcast.</summary>
    public async Task<bool> WritingAsync(Notice notice, CancellationToken cancellationToken) =>
        await outbox.ReadProgressAsync(notice.Id, cancellationToken).ConfigureAwait(false) is { Done: false };

    /// <summary>Queues the update in place of every delivered card (and the reminders) of a notice.</summary>
    public async Task<int> UpdateDeliveredAsync(Notice notice, CancellationToken cancellationToken)
    {
        var updated = await outbox.UpdateDeliveredAsync(notice.Id, NoticeVerbs.CardKind, new NoticePayload(notice.Id), cancellationToken).ConfigureAwait(false);
        if (notice.Reminded)
        {
            updated += await outbox.UpdateDeliveredAsync(notice.ReminderBroadcastId, NoticeVerbs.CardKind, new NoticePayload(notice.Id, Reminder: true), cancellationToken).ConfigureAwait(false);
        }
        LogUpdated(logger, notice.Id, updated);
        return updated;
    }

    /// <summary>Stops what has not gone out yet and marks delivered cards cancelled. Returns (stopped, updated).</summary>
    public async Task<(int Stopped, int Updated)> CancelAsync(Notice cancelled, CancellationToken cancellationToken)
    {
        var stopped = await outbox.CancelPendingAsync(cancelled.Id, cancellationToken).ConfigureAwait(false);
        if (cancelled.Reminded)
        {
            stopped += await outbox.CancelPendingAsync(cancelled.ReminderBroadcastId, cancellationToken).ConfigureAwait(false);
        }
        var updated = await UpdateDeliveredAsync(cancelled, cancellationToken).ConfigureAwait(false);
        return (stopped, updated);
    }

    public async Task<NoticeStatusReport> StatusAsync(Notice notice, CancellationToken cancellationToken)
    {
        // Progress first, rows after: rows only grow, so the card never claims more queued than the rows it counts.
        var progress = await outbox.ReadProgressAsync(notice.Id, cancellationToken).ConfigureAwait(false);
        var deliveries = await outbox.ReadDeliveriesAsync(notice.Id, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var acknowledged = await acks.ListUserIdsAsync(notice.Id, notice.AckRound, cancellationToken).ConfigureAwait(false);
        return NoticeStatusReport.From(deliveries, acknowledged) with
        {
            Writing = progress is { Done: false } ? progress : null,
            Quiet = QuietWait.Of(deliveries, clock.GetUtcNow()),
            Sending = notice.State == NoticeState.Sent ? NoticeProgress.Of(notice, progress, deliveries, clock.GetUtcNow()) : null,
        };
    }

    /// <summary>
    /// How the audience would stand against quiet hours if the notice went at <paramref name="at"/>: null when it is
    /// urgent (never held) or nobody would wait.
    /// </summary>
    public async Task<QuietWait?> ForecastAsync(Notice notice, DateTimeOffset at, CancellationToken cancellationToken) =>
        notice.Content.Urgent
            ? null
            : await quiet.ForecastAsync(directory.ResolveAudienceAsync(notice.Content.Audience, cancellationToken).Select(p => p.DepartmentCode), at, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sends the one reminder to the people who received the notice and have not acknowledged it.
    /// Null when the notice was already reminded (or changed meanwhile).
    /// </summary>
    /// <remarks>
    /// The claim records the reminder as still to start; it is cleared once the reminder's rows are written, so a stop
    /// in between leaves it for the scheduler's sweep (<see cref="StartReminderAsync"/>; the rows are per reminder, so
    /// writing them twice adds none).
    /// </remarks>
    public async Task<BroadcastReceipt?> RemindAsync(Notice notice, CancellationToken cancellationToken)
    {
        var claim = await notices.UpdateAsync(notice.Id, current => current.Reminded ? Decision.Refuse<Notice>(TextKeys.Notice_AlreadyReminded) : Decision.Write(current with { Reminded = true, ReminderDue = true }), cancellationToken).ConfigureAwait(false);
        return claim.Written && claim.State is { } claimed ? await StartReminderAsync(claimed).ConfigureAwait(false) : null;
    }

    /// <summary>Writes the rows of a claimed reminder, then marks it started.</summary>
    public async Task<BroadcastReceipt> StartReminderAsync(Notice claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var acknowledged = await acks.ListUserIdsAsync(claimed.Id, claimed.AckRound, CancellationToken.None).ConfigureAwait(false);
        // The reminder of a notice that is not urgent is routine: it waits for quiet hours, like the notice did.
        var plan = claimed.Content.Urgent ? null : await quiet.PlanAsync(CancellationToken.None).ConfigureAwait(false);
        var pending = outbox.ReadDeliveriesAsync(claimed.Id, CancellationToken.None)
            .Where(d => d.Status == DeliveryStatus.Sent && d.UserId is not null && !acknowledged.Contains(d.UserId))
            .Select(d => new BroadcastRecipient(d.PersonKey, d.UserId, d.DepartmentCode, d.Role, plan?.For(d.DepartmentCode)));
        var request = BroadcastRequest.Create(claimed.ReminderBroadcastId, NoticeVerbs.CardKind, new NoticePayload(claimed.Id, Reminder: true), OutboxPriority.Normal);
        var receipt = await outbox.StartBroadcastAsync(request, pending, CancellationToken.None).ConfigureAwait(false);
        await notices.UpdateAsync(claimed.Id, current => current.ReminderDue
            ? Decision.Write(current with { ReminderDue = false })
            : Decision.Refuse<Notice>(TextKeys.Notice_AlreadyReminded), CancellationToken.None).ConfigureAwait(false);
        LogReminded(logger, claimed.Id, receipt.Queued);
        return receipt;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId} sent: its broadcast is queued")]
    private static partial void LogSent(ILogger logger, string noticeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId}: {Count} delivered cards queued for update")]
    private static partial void LogUpdated(ILogger logger, string noticeId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId}: reminder queued for {Count} people")]
    private static partial void LogReminded(ILogger logger, string noticeId, int count);
}
