using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

public sealed partial class OutboxDispatcher
{
    private async Task MaintainLoopAsync(CancellationToken stoppingToken)
    {
        await EnsureQueuesAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = _signal.Next;
            try
            {
                await MaintainAsync(stoppingToken).ConfigureAwait(false);
                await Task.WhenAny(signal, Task.Delay(_options.PollInterval, _time, stoppingToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OutboxLog.CycleFailed(_logger, ex, _options.ErrorDelay);
                await Task.Delay(_options.ErrorDelay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task EnsureQueuesAsync(CancellationToken cancellationToken)
    {
        foreach (var priority in Enum.GetValues<OutboxPriority>())
        {
            try
            {
                await _work.InsertAsync(TableOutbox.WorkEntity(OutboxKeys.QueuePartition(priority), priority, null), cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException)
            {
            }
        }
    }

    /// <summary>One pass over the work index: finish idle work, renew held leases, take free or expired ones.</summary>
    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var index = new List<StoreEntity>();
        await foreach (var entity in _work.QueryAllAsync(OutboxKeys.WorkPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            index.Add(entity);
        }
        var present = index.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var gone in _held.Values.Where(i => !present.Contains(i.PartitionKey)).ToList())
            {
                gone.Lost = true;
                _held.Remove(gone.PartitionKey);
            }
        }

        foreach (var entity in index.OrderBy(e => e.GetInt32(RowFields.Priority) ?? 2))
        {
            WorkItem? item;
            lock (_gate)
            {
                _held.TryGetValue(entity.RowKey, out item);
            }
            if (item is not null)
            {
                await KeepAsync(item, cancellationToken).ConfigureAwait(false);
            }
            else if (CanTake(entity))
            {
                await TryLeaseAsync(entity, cancellationToken).ConfigureAwait(false);
            }
        }
        Wake();
    }

    private bool CanTake(StoreEntity entity)
    {
        var owner = entity.GetString(RowFields.LeaseOwner);
        var free = string.IsNullOrEmpty(owner) || owner == InstanceId || entity.GetDateTimeOffset(RowFields.LeaseUntil) <= _time.GetUtcNow();
        if (!free)
        {
            return false;
        }
        if (OutboxKeys.IsQueue(entity.RowKey))
        {
            return true;
        }
        lock (_gate)
        {
            return _held.Values.Count(i => !i.IsQueue) < _options.MaxShardsPerInstance;
        }
    }

    private async Task TryLeaseAsync(StoreEntity entity, CancellationToken cancellationToken)
    {
        var until = _time.GetUtcNow() + _options.LeaseDuration;
        try
        {
            var leased = await _work.UpdateAsync(WithLease(entity, InstanceId, until), cancellationToken).ConfigureAwait(false);
            var item = new WorkItem(entity.RowKey, (OutboxPriority)(entity.GetInt32(RowFields.Priority) ?? 2), entity.GetString(RowFields.BroadcastId))
            {
                Lease = leased,
                LeaseUntil = until,
            };
            if (item.BroadcastId is not null)
            {
                item.Header = await ReadHeaderAsync(item.BroadcastId, cancellationToken).ConfigureAwait(false);
                item.HeaderReadAt = _time.GetUtcNow();
            }
            lock (_gate)
            {
                _held[item.PartitionKey] = item;
            }
            OutboxLog.Leased(_logger, item.PartitionKey, until);
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            // Another instance took it (or finished it) first.
        }
    }

    /// <summary>Renews a held lease when a third of it is used; finishes work that has nothing left; lets queues rescan.</summary>
    private async Task KeepAsync(WorkItem item, CancellationToken cancellationToken)
    {
        bool idle;
        lock (_gate)
        {
            idle = item.IsIdle;
            if (item.IsQueue && idle)
            {
                // Single messages may arrive from any instance: read the queue again from its start.
                item.ScanDone = false;
                item.Continuation = null;
            }
        }
        if (idle && !item.IsQueue && await FinishIfWrittenAsync(item, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        if (item.LeaseUntil - _time.GetUtcNow() > _options.LeaseDuration * 2 / 3)
        {
            return;
        }
        var until = _time.GetUtcNow() + _options.LeaseDuration;
        try
        {
            var renewed = await _work.UpdateAsync(WithLease(item.Lease, InstanceId, until), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                item.Lease = renewed;
                item.LeaseUntil = until;
            }
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            if (!await AdoptIfStillOursAsync(item, cancellationToken).ConfigureAwait(false))
            {
                Drop(item);
                OutboxLog.LeaseLost(_logger, item.PartitionKey);
            }
        }
    }

    /// <summary>
    /// A writer touched the work row (new rows in the shard): the lease is still ours if the owner is, so keep the
    /// in-memory state (what is in flight) and read the partition again.
    /// </summary>
    private async Task<bool> AdoptIfStillOursAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var current = await _work.GetAsync(OutboxKeys.WorkPartition, item.PartitionKey, cancellationToken).ConfigureAwait(false);
        if (current is null || current.GetString(RowFields.LeaseOwner) != InstanceId)
        {
            return false;
        }
        lock (_gate)
        {
            item.Lease = current;
            item.FinalScan = false;
            item.ScanDone = false;
            item.Continuation = null;
        }
        return true;
    }

    /// <summary>Deletes the work row of a shard with nothing pending, once its broadcast is fully written; else rescans it.</summary>
    private async Task<bool> FinishIfWrittenAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var header = await ReadHeaderAsync(item.BroadcastId!, cancellationToken).ConfigureAwait(false);
        var written = header is null || header.WritesDone || _time.GetUtcNow() - header.CreatedAt > _options.AbandonedWriteAfter;
        if (!written || !item.FinalScan)
        {
            // Rows may have been written behind the last scan: scan again, and call the shard done only after a scan
            // that started once all writes were over.
            lock (_gate)
            {
                item.FinalScan = written;
                item.ScanDone = false;
                item.Continuation = null;
            }
            return false;
        }
        try
        {
            await _work.DeleteAsync(OutboxKeys.WorkPartition, item.PartitionKey, item.Lease.ETag, cancellationToken).ConfigureAwait(false);
            OutboxLog.Finished(_logger, item.PartitionKey);
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            if (await AdoptIfStillOursAsync(item, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            OutboxLog.LeaseLost(_logger, item.PartitionKey);
        }
        Drop(item);
        return true;
    }

    private void Drop(WorkItem item)
    {
        lock (_gate)
        {
            item.Lost = true;
            item.Buffer.Clear();
            item.Retries.Clear();
            _held.Remove(item.PartitionKey);
        }
    }

    internal async Task<BroadcastHeader?> ReadHeaderAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var entity = await _broadcasts.GetAsync(StoreKey.Escape(broadcastId), OutboxKeys.HeaderRow, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : BroadcastHeader.From(entity);
    }

    /// <summary>On a clean stop, gives the leases back so another instance continues at once instead of after expiry.</summary>
    private async Task ReleaseLeasesAsync()
    {
        List<WorkItem> held;
        lock (_gate)
        {
            held = [.. _held.Values];
            _held.Clear();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        foreach (var item in held)
        {
            try
            {
                await _work.UpdateAsync(WithLease(item.Lease, string.Empty, DateTimeOffset.UnixEpoch), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StoreException or OperationCanceledException)
            {
                // Not released: it expires on its own.
            }
        }
    }

    private static StoreEntity WithLease(StoreEntity entity, string owner, DateTimeOffset until) => entity with
    {
        Properties = new Dictionary<string, object?>(entity.Properties)
        {
            [RowFields.LeaseOwner] = owner,
            [RowFields.LeaseUntil] = until,
        },
    };
}
