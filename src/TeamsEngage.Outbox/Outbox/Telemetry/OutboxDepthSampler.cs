using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Counts the pending rows of every open shard and queue, per tenant, every <see cref="OutboxOptions.DepthSampleInterval"/>,
/// for the depth gauge. It reads through the work index, so it costs one read per page of open work and nothing when
/// the outbox is empty. Every instance counts the whole store: read the gauge as a maximum across instances, not a sum.
/// </summary>
internal sealed partial class OutboxDepthSampler(OutboxTables tables, OutboxMetrics metrics, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDepthSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DepthSampleInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.SetDepth(await CountAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A missed sample only leaves the previous one standing; the next cycle tries again.
                LogSampleFailed(logger, ex);
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken cancellationToken)
    {
        var depth = new Dictionary<string, long>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var work in tables.Work.QueryAllAsync(OutboxKeys.WorkPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var broadcastId = work.GetString(RowFields.BroadcastId);
            if (broadcastId is not null && !headers.ContainsKey(broadcastId))
            {
                headers[broadcastId] = (await tables.ReadHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false))?.TenantId;
            }
            await foreach (var row in tables.Rows.QueryAllAsync(work.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.GetString(RowFields.Status) != nameof(DeliveryStatus.Pending))
                {
                    continue;
                }
                var tenant = TenantScope.Normalize(broadcastId is null ? row.GetString(RowFields.TenantId) : headers[broadcastId]) ?? string.Empty;
                depth[tenant] = depth.GetValueOrDefault(tenant) + 1;
            }
        }
        return depth;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the outbox's pending messages; the depth gauge keeps its last value")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
