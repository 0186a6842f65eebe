using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Divides each tenant's rate among the instances of one deployment that have work, through the store. Every instance
/// keeps a row in the work table's <c>instances</c> partition alive (renewed each lease-keeper pass, expiring after
/// <c>LeaseDuration</c>) saying since when it has had work (a shard, or a queue with rows), and an instance with work
/// sends at one over the number of such rows: an idle instance takes nothing from a busy one. An instance that gets
/// work while others have some takes nothing until they have had two passes to make room, so the sum never exceeds the
/// rate; one that stops cleanly removes its row at once, and one that dies stops renewing it, so its share moves to the
/// others within one lease period. A 429's Retry-After is written to the
/// <c>pauses</c> partition too, so the tenant pauses on every instance, not only the one that met it.
/// </summary>
internal sealed partial class RateShares(OutboxTables tables, TenantRateLimiter limiter, HeldWork held, IOptions<OutboxOptions> options, TimeProvider time, ILogger<RateShares> logger)
{
    public const string InstancesPartition = "instances";
    public const string PausesPartition = "pauses";

    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset? _busySince;
    private int _lastBusy = -1;

    /// <summary>One pass: renews this instance's row, sets its share from the live rows, applies shared pauses.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _busySince = HasWork() ? _busySince ?? now : null;
        await tables.Work.UpsertAsync(new StoreEntity(InstancesPartition, held.InstanceId, new Dictionary<string, object?>
        {
            [RowFields.LeaseUntil] = now + _options.LeaseDuration,
            [RowFields.CreatedAt] = _busySince ?? DateTimeOffset.UnixEpoch,
        }), cancellationToken).ConfigureAwait(false);

        var busy = 0;
        await foreach (var row in tables.Work.QueryAllAsync(InstancesPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset(RowFields.LeaseUntil) > now)
            {
                busy += row.GetDateTimeOffset(RowFields.CreatedAt) > DateTimeOffset.UnixEpoch ? 1 : 0;
            }
            else if (row.GetDateTimeOffset(RowFields.LeaseUntil) < now - (_options.LeaseDuration * 10))
            {
                await ForgetAsync(row, cancellationToken).ConfigureAwait(false);
            }
        }
        // Alone with work, an instance has the whole rate at once; joining others that have work, it waits until they
        // have made room. Without work its share does not matter until it has some.
        var others = _busySince is null ? busy : busy - 1;
        var settled = others == 0 || (_busySince is { } since && now - since >= _options.PollInterval * 2);
        limiter.Share = settled ? 1.0 / (others + 1) : 0;
        if (others + 1 != _lastBusy)
        {
            _lastBusy = others + 1;
            LogShare(logger, others + 1, limiter.Share);
        }
        await ApplyPausesAsync(now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a tenant's pause for every instance (best effort: this instance has paused already).</summary>
    public async Task SharePauseAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            var key = StoreKey.Escape(tenantId);
            var existing = await tables.Work.GetAsync(PausesPartition, key, cancellationToken).ConfigureAwait(false);
            if (existing?.GetDateTimeOffset(RowFields.LeaseUntil) >= until)
            {
                return;
            }
            await tables.Work.UpsertAsync(new StoreEntity(PausesPartition, key, new Dictionary<string, object?> { [RowFields.LeaseUntil] = until }), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            LogPauseNotShared(logger, ex);
        }
    }

    /// <summary>On a clean stop: the row goes, so the others take this instance's share at their next pass.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.Work.DeleteAsync(InstancesPartition, held.InstanceId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreException or OperationCanceledException)
        {
            // Not removed: it expires on its own.
        }
    }

    /// <summary>Whether this instance holds a shard, or a queue with rows to send.</summary>
    private bool HasWork()
    {
        lock (held.Gate)
        {
            return held.Items.Values.Any(i => !i.IsQueue || !i.IsIdle);
        }
    }

    private async Task ApplyPausesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await foreach (var pause in tables.Work.QueryAllAsync(PausesPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (pause.GetDateTimeOffset(RowFields.LeaseUntil) is { } until && until > now)
            {
                limiter.PauseUntil(StoreKey.Unescape(pause.RowKey), until);
            }
        }
    }

    private async Task ForgetAsync(StoreEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Work.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException)
        {
            // Another instance removed it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Instances} outbox instances with work share each tenant's rate; this one sends at {Share:P0} of it")]
    private static partial void LogShare(ILogger logger, int instances, double share);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A tenant's pause could not be shared with the other instances; they pause when they meet the 429 themselves")]
    private static partial void LogPauseNotShared(ILogger logger, Exception exception);
}
