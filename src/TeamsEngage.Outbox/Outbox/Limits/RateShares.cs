using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Divides each tenant's rate among the instances of one deployment that have rows to send, through the store. Every
/// instance keeps a row in the work table's <c>instances</c> partition alive (renewed each lease-keeper pass, expiring
/// one pass short of <c>LeaseDuration</c>) with its weight and the total weight it divides by. An instance with rows
/// ready (or a shard that may still get some) weighs <see cref="Full"/>; one with only retries or sends in flight left
/// weighs <see cref="Trickle"/>; an idle one nothing, and takes nothing from a busy one. Each sends at its weight over
/// the total. Taking a smaller share is always safe and happens at once; taking a larger one (joining, or after another
/// left or slowed down) waits until every other busy instance's row says it divides by at least the same total, so the
/// sum stays within the rate without a fixed wait. One that stops cleanly removes its row at once, and one that dies
/// stops renewing it, so its share moves to the others within one lease period. A 429's Retry-After is written to the
/// <c>pauses</c> partition too, so the tenant pauses on every instance, not only the one that met it.
/// </summary>
internal sealed partial class RateShares(OutboxTables tables, TenantRateLimiter limiter, HeldWork held, IOptions<OutboxOptions> options, TimeProvider time, ILogger<RateShares> logger)
{
    public const string InstancesPartition = "instances";
    public const string PausesPartition = "pauses";

    /// <summary>The weight of an instance with rows ready to send.</summary>
    public const int Full = 16;

    /// <summary>The weight of an instance whose only rows left wait for a retry or an answer.</summary>
    public const int Trickle = 1;

    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset? _busySince;
    private int _weight;
    private double _lastShare = -1;

    /// <summary>Instances whose row was live at the last pass, this one included.</summary>
    public int LiveInstances { get; private set; } = 1;

    /// <summary>True until the first pass has read the other instances' rows.</summary>
    public bool Unknown { get; private set; } = true;

    /// <summary>True while this instance has a share to take that the others have not made room for yet.</summary>
    public bool AwaitingRoom { get; private set; }

    /// <summary>One pass: reads the live rows, sets this instance's share from them, renews its row, applies shared pauses.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var weight = Weight();
        var joining = weight > 0 && _weight == 0;
        _weight = weight;
        _busySince = weight > 0 ? _busySince ?? now : null;
        var others = await ReadOthersAsync(now, cancellationToken).ConfigureAwait(false);
        LiveInstances = others.Count + 1;
        Unknown = false;
        var busyOthers = others.Where(o => o.Weight > 0).ToList();
        var total = weight + busyOthers.Sum(o => o.Weight);
        var share = ShareOf(joining, busyOthers, total, now);
        limiter.Share = share;
        AwaitingRoom = busyOthers.Count > 0 && share < (double)weight / total;
        // Written after the share is set, so the row never claims a share smaller than the one in use.
        await tables.Work.UpsertAsync(new StoreEntity(InstancesPartition, held.InstanceId, new Dictionary<string, object?>
        {
            // One pass short of a lease period, so the others see it gone within a lease period of its death.
            [RowFields.LeaseUntil] = now + _options.LeaseDuration - _options.PollInterval,
            [RowFields.CreatedAt] = _busySince ?? DateTimeOffset.UnixEpoch,
            [RowFields.Weight] = weight,
            [RowFields.WeightTotal] = total,
        }), cancellationToken).ConfigureAwait(false);
        if (share != _lastShare)
        {
            _lastShare = share;
            LogShare(logger, busyOthers.Count + (weight > 0 ? 1 : 0), share);
        }
        await ApplyPausesAsync(now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Alone, the whole rate; idle while others have rows, nothing. With rows among others: this instance's weight over
    /// the total once every other busy instance divides by at least that total, and until then no more than before
    /// (nothing when this instance has only just got rows).
    /// </summary>
    private double ShareOf(bool joining, List<Peer> busyOthers, int total, DateTimeOffset now)
    {
        if (busyOthers.Count == 0)
        {
            return 1;
        }
        if (_weight == 0)
        {
            return 0;
        }
        // A row written by a version that did not give its total is taken as agreeing after two passes, the time that
        // version took to make room.
        var waitedTwoPasses = now - _busySince >= _options.PollInterval * 2;
        var roomMade = busyOthers.All(o => o.Total is { } theirs ? theirs >= total : waitedTwoPasses);
        var fair = (double)_weight / total;
        return roomMade ? fair : joining ? 0 : Math.Min(limiter.Share, fair);
    }

    /// <summary>The other instances' live rows; rows dead for ten lease periods are deleted on the way.</summary>
    private async Task<List<Peer>> ReadOthersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var others = new List<Peer>();
        await foreach (var row in tables.Work.QueryAllAsync(InstancesPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == held.InstanceId)
            {
                continue;
            }
            if (row.GetDateTimeOffset(RowFields.LeaseUntil) > now)
            {
                // A row without a weight comes from a version that only said whether it had work.
                var busy = row.GetDateTimeOffset(RowFields.CreatedAt) > DateTimeOffset.UnixEpoch;
                others.Add(new Peer(row.GetInt32(RowFields.Weight) ?? (busy ? Full : 0), row.GetInt32(RowFields.WeightTotal)));
            }
            else if (row.GetDateTimeOffset(RowFields.LeaseUntil) < now - (_options.LeaseDuration * 10))
            {
                await ForgetAsync(row, cancellationToken).ConfigureAwait(false);
            }
        }
        return others;
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

    /// <summary>
    /// <see cref="Full"/> with rows ready to send or a shard that may still have some (one not read to its end, or whose
    /// broadcast is still being written); <see cref="Trickle"/> with only retries or sends in flight; else nothing. A
    /// shard whose rows are all sent once its broadcast is written weighs nothing while it waits to be finished.
    /// </summary>
    private int Weight()
    {
        lock (held.Gate)
        {
            if (held.Items.Values.Any(i => i.Buffer.Count > 0 || (!i.IsQueue && (!i.Written || !i.Scanned || (!i.ScanDone && !i.FinalScan)))))
            {
                return Full;
            }
            return held.Items.Values.Any(i => i.Retries.Count > 0 || i.InFlight > 0) ? Trickle : 0;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Instances} outbox instances with rows to send share each tenant's rate; this one sends at {Share:P0} of it")]
    private static partial void LogShare(ILogger logger, int instances, double share);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A tenant's pause could not be shared with the other instances; they pause when they meet the 429 themselves")]
    private static partial void LogPauseNotShared(ILogger logger, Exception exception);

    /// <summary>Another live instance: its weight, and the total it divides by (null from older versions).</summary>
    private sealed record Peer(int Weight, int? Total);
}
