using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>Sends scheduled notices when their time comes. The ETag on the notice makes sure only one instance sends each.</summary>
public sealed partial class NoticeScheduler(
    NoticeStore notices,
    NoticeBroadcaster broadcaster,
    NoticeTeller teller,
    TenantRegistry tenants,
    TimeProvider clock,
    IOptions<NoticesOptions> options,
    ILogger<NoticeScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan RequeueWithin = TimeSpan.FromMinutes(10);

    /// <summary>Sends every scheduled notice whose time has come. Returns how many this instance sent.</summary>
    public Task<int> RunDueAsync(CancellationToken cancellationToken) => RunDueAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>Sends every scheduled notice due at <paramref name="now"/>, in every tenant, each inside its tenant.</summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        await tenants.ForEachAsync(async (_, ct) => sent += await RunDueInTenantAsync(now, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return sent;
    }

    private async Task<int> RunDueInTenantAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await notices.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        // A process that died between marking a notice sent and queuing its broadcast left it unqueued: queue it again
        // (a no-op when it is queued already).
        foreach (var recent in all.Where(n => n.State == NoticeState.Sent && n.SentAt >= now - RequeueWithin))
        {
            await broadcaster.QueueAsync(recent, cancellationToken).ConfigureAwait(false);
        }
        // A change saved, or a reminder claimed, by a process that stopped before queuing its message: queue it now.
        foreach (var untold in all.Where(n => n.State == NoticeState.Sent && n.TellsDue is { Count: > 0 }))
        {
            await teller.TellDueAsync(untold).ConfigureAwait(false);
        }
        foreach (var unreminded in all.Where(n => n.State == NoticeState.Sent && n.ReminderDue))
        {
            await broadcaster.StartReminderAsync(unreminded).ConfigureAwait(false);
        }
        var due = all.Where(n => n.State == NoticeState.Scheduled && n.SendAt <= now).ToList();
        var sent = 0;
        foreach (var notice in due)
        {
            if (await broadcaster.SendAsync(notice).ConfigureAwait(false) is not null)
            {
                sent++;
            }
        }
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RunDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick retries: a notice stays Scheduled until one send claims it.
                LogTickFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending scheduled notices failed; retrying at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
