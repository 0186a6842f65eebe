using System.Collections.Concurrent;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// The work index: one row per open shard or queue, which the dispatcher reads instead of scanning rows. Writers make
/// sure the partition they wrote to is listed; the lease keeper leases and deletes the rows.
/// </summary>
internal sealed class WorkIndex(OutboxTables tables, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, bool> _knownQueues = new(StringComparer.Ordinal);

    public static StoreEntity Entity(string partition, OutboxPriority priority, string? broadcastId) =>
        new(OutboxKeys.WorkPartition, partition, new Dictionary<string, object?>
        {
            [RowFields.Priority] = (int)priority,
            [RowFields.BroadcastId] = broadcastId,
            [RowFields.LeaseOwner] = string.Empty,
            [RowFields.LeaseUntil] = DateTimeOffset.UnixEpoch,
        });

    /// <summary>
    /// Makes sure a work row lists the partition, and changes its ETag when it exists: a dispatcher about to delete it as
    /// finished then fails its conditional delete and reads the partition again, so rows just written are never orphaned.
    /// </summary>
    public async Task EnsureShardAsync(string partition, OutboxPriority priority, string broadcastId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await tables.Work.GetAsync(OutboxKeys.WorkPartition, partition, cancellationToken).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await tables.Work.InsertAsync(Entity(partition, priority, broadcastId), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // New rows may be due now: a shard parked for quiet hours wakes up for them.
                    var touched = new Dictionary<string, object?>(existing.Properties) { [RowFields.TouchedAt] = time.GetUtcNow(), [RowFields.WakeAt] = DateTimeOffset.UnixEpoch };
                    await tables.Work.UpdateAsync(existing with { Properties = touched }, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            catch (Exception ex) when (ex is StoreConflictException or StorePreconditionFailedException or StoreNotFoundException)
            {
                // Raced with a dispatcher or another writer: look again.
            }
        }
    }

    /// <summary>
    /// Whether a shard of the broadcast is still listed. A shard leaves the index only once every row of it is recorded,
    /// so when none is listed, no message of the broadcast is on its way.
    /// </summary>
    public async Task<bool> ListsBroadcastAsync(string broadcastId, CancellationToken cancellationToken)
    {
        await foreach (var entity in tables.Work.QueryAllAsync(OutboxKeys.WorkPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString(RowFields.BroadcastId) == broadcastId)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Makes sure the queue of single messages of a priority is listed.</summary>
    public async Task EnsureQueueAsync(OutboxPriority priority, CancellationToken cancellationToken)
    {
        var partition = OutboxKeys.QueuePartition(priority);
        // Queue work rows are never deleted, so once seen they need no more checks from this instance.
        if (_knownQueues.ContainsKey(partition))
        {
            return;
        }
        if (await tables.Work.GetAsync(OutboxKeys.WorkPartition, partition, cancellationToken).ConfigureAwait(false) is null)
        {
            await InsertQueueAsync(priority, cancellationToken).ConfigureAwait(false);
        }
        _knownQueues[partition] = true;
    }

    /// <summary>Lists the queue of a priority unless it is listed already.</summary>
    public async Task InsertQueueAsync(OutboxPriority priority, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Work.InsertAsync(Entity(OutboxKeys.QueuePartition(priority), priority, null), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
        }
    }
}
