using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Where a sent notice's broadcast stands: delivered, still queued, could not be reached or failed, how far in percent,
/// and the time left at the rate so far (null while nothing has gone yet, and once it is done).
/// </summary>
public sealed record NoticeProgressReport(int Recipients, int Delivered, int Queued, int Failed, int Percent, TimeSpan? TimeLeft, bool Done)
{
    /// <summary>Two reports that would draw the same card.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (int, int, int, int, int, bool) Shown => (Recipients, Delivered, Queued, Failed, Percent, Done);
}

/// <summary>Reads a notice's progress from the outbox: how far its rows are written, then how each row stands.</summary>
public sealed class NoticeProgress(IOutbox outbox, TimeProvider clock)
{
    /// <summary>The progress of <paramref name="notice"/>'s broadcast; a notice not handed to the outbox yet is at 0 %.</summary>
    public async Task<NoticeProgressReport> ReadAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        // Progress first, rows after: rows only grow, so the card never counts fewer recipients than rows.
        var writing = await outbox.ReadProgressAsync(notice.Id, cancellationToken).ConfigureAwait(false);
        var rows = await outbox.ReadDeliveriesAsync(notice.Id, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Of(notice, writing, rows, clock.GetUtcNow());
    }

    /// <summary>The progress from what the outbox said, read in this order: how far the writing is, then the rows.</summary>
    public static NoticeProgressReport Of(Notice notice, BroadcastProgress? writing, IReadOnlyList<DeliveryRecord> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(rows);
        var written = writing is { Done: true };
        var recipients = written ? rows.Count : Math.Max(rows.Count, writing?.Total ?? rows.Count);
        var delivered = rows.Count(r => r.Status == DeliveryStatus.Sent);
        var failed = rows.Count(r => r.Status is DeliveryStatus.Failed or DeliveryStatus.Unreachable);
        var stopped = rows.Count(r => r.Status == DeliveryStatus.Cancelled);
        var queued = recipients - delivered - failed - stopped;
        var done = written && queued == 0;
        var percent = done ? 100 : recipients == 0 ? 0 : Math.Min(99, (delivered + failed + stopped) * 100 / recipients);
        return new NoticeProgressReport(recipients, delivered, queued, failed, percent, done ? null : TimeLeft(notice, rows, queued, now), done);
    }

    // At the rate of the sends so far (a row that could not be reached settles without a send, so it does not count).
    private static TimeSpan? TimeLeft(Notice notice, IReadOnlyList<DeliveryRecord> rows, int queued, DateTimeOffset now)
    {
        var sent = rows.Count(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.Failed);
        var elapsed = now - (notice.SentAt ?? now);
        if (sent == 0 || elapsed <= TimeSpan.Zero)
        {
            return null;
        }
        return TimeSpan.FromSeconds(Math.Ceiling(queued * elapsed.TotalSeconds / sent));
    }
}
