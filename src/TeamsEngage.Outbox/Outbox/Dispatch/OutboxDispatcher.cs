using Microsoft.Extensions.Options;

namespace TeamsEngage.Outbox;

/// <summary>
/// Drains the outbox. The <see cref="LeaseKeeper"/> reads the work index, leases shards and queues (ETag-guarded) and
/// renews the leases; the <see cref="OutboxPump"/> takes rows from the leased work in priority order and sends up to
/// MaxConcurrency at once through the <see cref="OutboxSender"/>. A row is marked (one conditional write) after its
/// send, so after a crash the next lease holder resends only what was not marked: the messages in flight at the crash.
/// </summary>
internal sealed class OutboxDispatcher(LeaseKeeper keeper, OutboxPump pump, HeldWork held, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        OutboxLog.Started(logger, held.InstanceId, options.Value.RequestsPerSecond, options.Value.MaxConcurrency);
        await Task.Yield();
        var maintenance = keeper.RunAsync(stoppingToken);
        var sending = pump.RunAsync(stoppingToken);
        try
        {
            await Task.WhenAll(maintenance, sending).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await keeper.ReleaseLeasesAsync().ConfigureAwait(false);
    }
}
