using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Keeps the author's card of every sending notice current: once per <see cref="NoticesOptions.ProgressInterval"/>, a
/// notice whose progress changed gets one card update through the outbox, and a last one when it reaches 100 %; then
/// the notice is marked so nothing more is sent for it. A 10,000-person send at 50 messages a second takes about
/// 200 seconds, so with the default 5 seconds it makes at most about 41 updates.
/// </summary>
public sealed partial class NoticeProgressTicker(
    NoticeStore notices,
    NoticeProgress progress,
    IOutbox outbox,
    TenantRegistry tenants,
    TimeProvider clock,
    IOptions<NoticesOptions> options,
    ILogger<NoticeProgressTicker> logger) : BackgroundService
{
    // What the last update showed, per notice: an update that would draw the same card is not sent.
    private readonly ConcurrentDictionary<string, (int, int, int, int, int, bool)> _shown = new(StringComparer.Ordinal);

    // When each notice's rows may be read again: a large broadcast's rows take a while to read, and reading them may
    // take at most a tenth of the time, so the writing and sending of those rows keep the store to themselves.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextRead = new(StringComparer.Ordinal);
    private const int ReadShare = 10;

    /// <summary>Queues one update for each sending notice whose progress changed since the last; returns how many.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        await tenants.ForEachAsync(async (_, ct) => queued += await TickInTenantAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return queued;
    }

    private async Task<int> TickInTenantAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        await foreach (var notice in notices.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (notice is { State: NoticeState.Sent, ProgressDone: false, AuthorCard: { } card })
            {
                queued += await TickAsync(notice, card, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }
        return queued;
    }

    private async Task<bool> TickAsync(Notice notice, NoticeAuthorCard card, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_nextRead.TryGetValue(notice.Id, out var next) && now < next)
        {
            return false;
        }
        var started = clock.GetTimestamp();
        var report = await progress.ReadAsync(notice, cancellationToken).ConfigureAwait(false);
        var reading = clock.GetElapsedTime(started);
        _nextRead[notice.Id] = now + TimeSpan.FromTicks(Math.Max(options.Value.ProgressInterval.Ticks, reading.Ticks * ReadShare));
        if (_shown.TryGetValue(notice.Id, out var shown) && shown == report.Shown)
        {
            return false;
        }
        if (report.Done)
        {
            // Marked first: a stop in between loses the last update rather than sending it twice.
            var marked = await notices.UpdateAsync(notice.Id, current => current.ProgressDone
                ? Decision.Refuse<Notice>(TextKeys.Notice_ChangedMeanwhile)
                : Decision.Write(current with { ProgressDone = true }), cancellationToken).ConfigureAwait(false);
            if (!marked.Written)
            {
                return false;
            }
        }
        await outbox.EnqueueUpdateAsync(OutboxUpdate.Create(card.UserId, card.ConversationId, card.ActivityId, NoticeVerbs.ProgressKind,
            new NoticeProgressPayload(notice.Id, report), OutboxPriority.Normal), cancellationToken).ConfigureAwait(false);
        if (report.Done)
        {
            _shown.TryRemove(notice.Id, out _);
            _nextRead.TryRemove(notice.Id, out _);
        }
        else
        {
            _shown[notice.Id] = report.Shown;
        }
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A delay per round rather than a periodic timer: after a pause (a suspended machine, a clock set forward) the
        // ticker runs once, never once for every period it missed.
        while (true)
        {
            await Task.Delay(options.Value.ProgressInterval, clock, stoppingToken).ConfigureAwait(false);
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTickFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the progress of sending notices failed; retrying at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
