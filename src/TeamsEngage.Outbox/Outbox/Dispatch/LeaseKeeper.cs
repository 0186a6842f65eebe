using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Keeps this instance's leases: each pass reads the work index, renews held leases when a third of them is used,
/// takes free or expired ones, and deletes the work row of a shard that has nothing left once its broadcast is written.
/// A free shard is taken only while this instance holds fewer than its fair part of the open shards (their number over
/// the live instances, rounded up), so every instance gets work as a broadcast opens; a shard whose holder stopped
/// renewing is taken up to <c>MaxShardsPerInstance</c>. The pass ends by renewing this instance's rate share, so the
/// share follows what was just taken or finished.
/// </summary>
internal sealed class LeaseKeeper(OutboxTables tables, WorkIndex work, HeldWork held, RateShares shares, BroadcastHeaderCache headers, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time, ILogger<LeaseKeeper> logger)
{
    private readonly OutboxOptions _options = options.Value;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signal.Next;
            try
            {
                await MaintainAsync(stoppingToken).ConfigureAwait(false);
                // While the others make room for this instance's share, look again soon: they do it at their next pass.
                var wait = shares.AwaitingRoom ? _options.PollInterval / 5 : _options.PollInterval;
                await Task.WhenAny(next, Task.Delay(wait, time, stoppingToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OutboxLog.CycleFailed(logger, ex, _options.ErrorDelay);
                await Task.Delay(_options.ErrorDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>On a clean stop, gives the leases back so another instance continues at once instead of after expiry.</summary>
    public async Task ReleaseLeasesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await shares.LeaveAsync(timeout.Token).ConfigureAwait(false);
        foreach (var item in held.TakeAll())
        {
            try
            {
                await tables.Work.UpdateAsync(WithLease(item.Lease, string.Empty, DateTimeOffset.UnixEpoch), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StoreException or OperationCanceledException)
            {
                // Not released: it expires on its own.
            }
        }
    }

    private async Task EnsureQueuesAsync(CancellationToken cancellationToken)
    {
        foreach (var priority in Enum.GetValues<OutboxPriority>())
        {
            await work.InsertQueueAsync(priority, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One pass over the work index: forget work that left it, keep held leases, take free or expired ones.</summary>
    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        if (shares.Unknown)
        {
            // The first pass, repeated until the store answers: the queues are listed and the live instances known
            // before the first shard is taken.
            await EnsureQueuesAsync(cancellationToken).ConfigureAwait(false);
            await shares.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        var index = new List<StoreEntity>();
        await foreach (var entity in tables.Work.QueryAllAsync(OutboxKeys.WorkPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            index.Add(entity);
        }
        ForgetUnlisted(index.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal));
        var fairPart = FairPart(index);
        foreach (var entity in index.OrderBy(e => e.GetInt32(RowFields.Priority) ?? 2))
        {
            if (held.Find(entity.RowKey) is { } item)
            {
                await KeepAsync(item, cancellationToken).ConfigureAwait(false);
            }
            else if (CanTake(entity, fairPart))
            {
                await TryLeaseAsync(entity, cancellationToken).ConfigureAwait(false);
            }
        }
        await shares.RefreshAsync(cancellationToken).ConfigureAwait(false);
        held.Wake();
    }

    /// <summary>The open shards (not parked for quiet hours) over the live instances, rounded up, within MaxShardsPerInstance.</summary>
    private int FairPart(List<StoreEntity> index)
    {
        var now = time.GetUtcNow();
        var open = index.Count(e => !OutboxKeys.IsQueue(e.RowKey) && !(e.GetDateTimeOffset(RowFields.WakeAt) > now));
        return Math.Min(_options.MaxShardsPerInstance, (open + shares.LiveInstances - 1) / shares.LiveInstances);
    }

    private void ForgetUnlisted(HashSet<string> listed)
    {
        lock (held.Gate)
        {
            foreach (var gone in held.Items.Values.Where(i => !listed.Contains(i.PartitionKey)).ToList())
            {
                gone.Lost = true;
                held.Items.Remove(gone.PartitionKey);
            }
        }
    }

    private bool CanTake(StoreEntity entity, int fairPart)
    {
        if (entity.GetDateTimeOffset(RowFields.WakeAt) > time.GetUtcNow())
        {
            // Parked until its first held row may go.
            return false;
        }
        var owner = entity.GetString(RowFields.LeaseOwner);
        var unowned = string.IsNullOrEmpty(owner) || owner == held.InstanceId;
        var abandoned = !unowned && entity.GetDateTimeOffset(RowFields.LeaseUntil) <= time.GetUtcNow();
        if (!unowned && !abandoned)
        {
            return false;
        }
        if (OutboxKeys.IsQueue(entity.RowKey))
        {
            return true;
        }
        lock (held.Gate)
        {
            // Free shards are shared out; a dead holder's are taken over at once, whatever the fair part.
            return held.Items.Values.Count(i => !i.IsQueue) < (abandoned ? _options.MaxShardsPerInstance : fairPart);
        }
    }

    private async Task TryLeaseAsync(StoreEntity entity, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + _options.LeaseDuration;
        try
        {
            var leased = await tables.Work.UpdateAsync(WithLease(entity, held.InstanceId, until), cancellationToken).ConfigureAwait(false);
            var item = new WorkItem(entity.RowKey, (OutboxPriority)(entity.GetInt32(RowFields.Priority) ?? 2), entity.GetString(RowFields.BroadcastId))
            {
                Lease = leased,
                LeaseUntil = until,
            };
            if (item.BroadcastId is not null)
            {
                item.Header = await tables.ReadHeaderAsync(item.BroadcastId, cancellationToken).ConfigureAwait(false);
            }
            held.Add(item);
            OutboxLog.Leased(logger, item.PartitionKey, until);
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            // Another instance took it (or finished it) first.
        }
    }

    /// <summary>Renews a held lease when a third of it is used; finishes work that has nothing left; lets queues rescan.</summary>
    private async Task KeepAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (!item.IsQueue && !item.Written)
        {
            // Whether more rows may come sets the weight of the shard in the rate shares.
            var written = IsWritten(await headers.GetAsync(item, cancellationToken).ConfigureAwait(false));
            lock (held.Gate)
            {
                item.Written = written;
            }
        }
        if (IdleAfterRescan(item) && !item.IsQueue && await FinishIfWrittenAsync(item, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        if (item.LeaseUntil - time.GetUtcNow() > _options.LeaseDuration * 2 / 3)
        {
            return;
        }
        var until = time.GetUtcNow() + _options.LeaseDuration;
        try
        {
            var renewed = await tables.Work.UpdateAsync(WithLease(item.Lease, held.InstanceId, until), cancellationToken).ConfigureAwait(false);
            lock (held.Gate)
            {
                item.Lease = renewed;
                item.LeaseUntil = until;
            }
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            if (!await AdoptIfStillOursAsync(item, cancellationToken).ConfigureAwait(false))
            {
                held.Drop(item);
                OutboxLog.LeaseLost(logger, item.PartitionKey);
            }
        }
    }

    /// <summary>
    /// Whether the item has nothing buffered, retrying or in flight. A queue read to its end is read again from its
    /// start: single messages arrive from any instance at any time, and must not wait for the ones still in flight or
    /// waiting to retry.
    /// </summary>
    private bool IdleAfterRescan(WorkItem item)
    {
        lock (held.Gate)
        {
            if (item.IsQueue && item.ScanDone)
            {
                item.Rescan();
            }
            return item.IsIdle;
        }
    }

    /// <summary>
    /// A writer touched the work row (new rows in the shard): the lease is still ours if the owner is, so keep the
    /// in-memory state (what is in flight) and read the partition again.
    /// </summary>
    private async Task<bool> AdoptIfStillOursAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var current = await tables.Work.GetAsync(OutboxKeys.WorkPartition, item.PartitionKey, cancellationToken).ConfigureAwait(false);
        if (current is null || current.GetString(RowFields.LeaseOwner) != held.InstanceId)
        {
            return false;
        }
        lock (held.Gate)
        {
            item.Lease = current;
            item.FinalScan = false;
            item.Rescan();
        }
        return true;
    }

    /// <summary>Deletes the work row of a shard with nothing pending, once its broadcast is fully written; else rescans it.</summary>
    private async Task<bool> FinishIfWrittenAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var written = IsWritten(await tables.ReadHeaderAsync(item.BroadcastId!, cancellationToken).ConfigureAwait(false));
        if (!written || !item.FinalScan)
        {
            // Rows may have been written behind the last scan: scan again, and call the shard done only after a scan
            // that started once all writes were over.
            lock (held.Gate)
            {
                item.FinalScan = written;
                item.Rescan();
            }
            return false;
        }
        try
        {
            if (item.HeldUntil is { } wakeAt)
            {
                // Only rows in quiet hours are left: give the lease back and sleep until the first of them may go,
                // so the shard holds neither memory nor a lease slot meanwhile.
                await tables.Work.UpdateAsync(WithLease(item.Lease, string.Empty, DateTimeOffset.UnixEpoch, wakeAt), cancellationToken).ConfigureAwait(false);
                OutboxLog.Parked(logger, item.PartitionKey, wakeAt);
            }
            else
            {
                await tables.Work.DeleteAsync(OutboxKeys.WorkPartition, item.PartitionKey, item.Lease.ETag, cancellationToken).ConfigureAwait(false);
                OutboxLog.Finished(logger, item.PartitionKey);
            }
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            if (await AdoptIfStillOursAsync(item, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            OutboxLog.LeaseLost(logger, item.PartitionKey);
        }
        held.Drop(item);
        return true;
    }

    /// <summary>Whether a broadcast's writing is over: finished, abandoned by a crashed writer, or the header is gone.</summary>
    private bool IsWritten(BroadcastHeader? header) =>
        header is null || header.WritesDone || time.GetUtcNow() - header.CreatedAt > _options.AbandonedWriteAfter;

    private static StoreEntity WithLease(StoreEntity entity, string owner, DateTimeOffset until, DateTimeOffset? wakeAt = null) => entity with
    {
        Properties = new Dictionary<string, object?>(entity.Properties)
        {
            [RowFields.LeaseOwner] = owner,
            [RowFields.LeaseUntil] = until,
            [RowFields.WakeAt] = wakeAt ?? DateTimeOffset.UnixEpoch,
        },
    };
}
