using Microsoft.Extensions.Options;

namespace TeamsEngage.Outbox;

/// <summary>
/// The background side of queued broadcasts: finds broadcasts still being written whose lease is free or expired,
/// leases one and writes it to its end, under the host's stopping token only, so no request can cut writing short.
/// </summary>
internal sealed class BroadcastWriterService(
    BroadcastJobs jobs,
    BroadcastJobRunner runner,
    HeldWork held,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<BroadcastWriterService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signal.Next;
            try
            {
                await WriteClaimableAsync(stoppingToken).ConfigureAwait(false);
                await Task.WhenAny(next, Task.Delay(options.Value.PollInterval, time, stoppingToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OutboxLog.CycleFailed(logger, ex, options.Value.ErrorDelay);
                await Task.Delay(options.Value.ErrorDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteClaimableAsync(CancellationToken stoppingToken)
    {
        foreach (var job in await jobs.ListClaimableAsync(held.InstanceId, stoppingToken).ConfigureAwait(false))
        {
            if (await jobs.TryLeaseAsync(job, held.InstanceId, stoppingToken).ConfigureAwait(false) is not { } leased)
            {
                continue;
            }
            try
            {
                await runner.RunAsync(leased, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                var latest = await jobs.ReadAsync(leased.Request.BroadcastId, CancellationToken.None).ConfigureAwait(false);
                if (latest is not null && latest.LeaseOwner == held.InstanceId)
                {
                    await jobs.ReleaseAsync(latest).ConfigureAwait(false);
                }
                throw;
            }
        }
    }
}
