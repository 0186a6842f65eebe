using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>The outbox over <see cref="ITableStore"/>: writes rows and the work index; the dispatcher sends them.</summary>
public sealed partial class TableOutbox(ITableStore store, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time) : IOutbox
{
    private const int BatchSize = 100;

    private readonly IStoreTable _rows = store.Table(OutboxKeys.RowsTable);
    private readonly IStoreTable _work = store.Table(OutboxKeys.WorkTable);
    private readonly IStoreTable _broadcasts = store.Table(OutboxKeys.BroadcastsTable);
    private readonly OutboxSignal _signal = signal;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _knownQueues = new(StringComparer.Ordinal);

    public async Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.RecipientUserId);
        ArgumentException.ThrowIfNullOrEmpty(message.Kind);
        return await EnqueueRowAsync(message.Priority, new Dictionary<string, object?>
        {
            [RowFields.UserId] = message.RecipientUserId,
            [RowFields.Kind] = message.Kind,
            [RowFields.Payload] = message.Payload,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> EnqueueUpdateAsync(OutboxUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrEmpty(update.RecipientUserId);
        ArgumentException.ThrowIfNullOrEmpty(update.ActivityId);
        return await EnqueueRowAsync(update.Priority, new Dictionary<string, object?>
        {
            [RowFields.UserId] = update.RecipientUserId,
            [RowFields.ConversationId] = update.ConversationId,
            [RowFields.ActivityId] = update.ActivityId,
            [RowFields.Kind] = update.Kind,
            [RowFields.Payload] = update.Payload,
            [RowFields.IsUpdate] = true,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> EnqueueRowAsync(OutboxPriority priority, Dictionary<string, object?> properties, CancellationToken cancellationToken)
    {
        var partition = OutboxKeys.QueuePartition(priority);
        var rowKey = OutboxKeys.QueueRowKey(time.GetUtcNow());
        properties[RowFields.Status] = nameof(DeliveryStatus.Pending);
        await _rows.InsertAsync(new StoreEntity(partition, rowKey, properties), cancellationToken).ConfigureAwait(false);
        await EnsureQueueAsync(partition, priority, cancellationToken).ConfigureAwait(false);
        _signal.Notify();
        return rowKey;
    }

    public async Task<BroadcastReceipt> StartBroadcastAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentException.ThrowIfNullOrEmpty(request.BroadcastId);
        var header = await CreateHeaderAsync(new BroadcastHeader(
            request.BroadcastId, request.Kind, request.Payload, request.Priority, options.Value.ShardsPerBroadcast,
            false, false, time.GetUtcNow(), false, null), cancellationToken).ConfigureAwait(false);

        var writer = new ShardWriter(this, header);
        await foreach (var recipient in recipients.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.AddAsync(StoreKey.Escape(recipient.PersonKey), recipient.PersonKey, RecipientRow(recipient), cancellationToken).ConfigureAwait(false);
        }
        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
        await MarkWritesDoneAsync(header.BroadcastId, cancellationToken).ConfigureAwait(false);
        return new BroadcastReceipt(request.BroadcastId, writer.Pending, writer.Unreachable);
    }

    private static Dictionary<string, object?> RecipientRow(BroadcastRecipient r)
    {
        var reachable = !string.IsNullOrWhiteSpace(r.UserId);
        return new Dictionary<string, object?>
        {
            [RowFields.PersonKey] = r.PersonKey,
            [RowFields.UserId] = reachable ? r.UserId : null,
            [RowFields.DepartmentCode] = r.DepartmentCode,
            [RowFields.Role] = r.Role,
            [RowFields.Status] = reachable ? nameof(DeliveryStatus.Pending) : nameof(DeliveryStatus.Unreachable),
            [RowFields.Reason] = reachable ? null : FailureReasons.NotInstalled,
        };
    }

    private async Task<BroadcastHeader> CreateHeaderAsync(BroadcastHeader header, CancellationToken cancellationToken)
    {
        try
        {
            await _broadcasts.InsertAsync(header.ToEntity(), cancellationToken).ConfigureAwait(false);
            return header;
        }
        catch (StoreConflictException)
        {
            // A repeated start keeps the first header (its shard count decides where rows already are), marked as being written again.
            while (true)
            {
                var existing = await _broadcasts.GetAsync(StoreKey.Escape(header.BroadcastId), OutboxKeys.HeaderRow, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    return header;
                }
                var current = BroadcastHeader.From(existing);
                if (!current.WritesDone)
                {
                    return current;
                }
                try
                {
                    await _broadcasts.UpdateAsync((current with { WritesDone = false }).ToEntity(existing.ETag), cancellationToken).ConfigureAwait(false);
                    return current with { WritesDone = false };
                }
                catch (StorePreconditionFailedException)
                {
                }
            }
        }
    }

    private async Task MarkWritesDoneAsync(string broadcastId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var entity = await _broadcasts.GetAsync(StoreKey.Escape(broadcastId), OutboxKeys.HeaderRow, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return;
            }
            var header = BroadcastHeader.From(entity);
            if (header.WritesDone)
            {
                return;
            }
            try
            {
                await _broadcasts.UpdateAsync((header with { WritesDone = true }).ToEntity(entity.ETag), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorePreconditionFailedException)
            {
                // Cancelled meanwhile: read again and keep that change.
            }
        }
    }

    /// <summary>
    /// Makes sure a work row lists the partition, and changes its ETag when it exists: a dispatcher about to delete it as
    /// finished then fails its conditional delete and reads the partition again, so rows just written are never orphaned.
    /// </summary>
    private async Task EnsureWorkAsync(string partition, OutboxPriority priority, string? broadcastId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await _work.GetAsync(OutboxKeys.WorkPartition, partition, cancellationToken).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await _work.InsertAsync(WorkEntity(partition, priority, broadcastId), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var touched = new Dictionary<string, object?>(existing.Properties) { [RowFields.TouchedAt] = time.GetUtcNow() };
                    await _work.UpdateAsync(existing with { Properties = touched }, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            catch (Exception ex) when (ex is StoreConflictException or StorePreconditionFailedException or StoreNotFoundException)
            {
                // Raced with a dispatcher or another writer: look again.
            }
        }
    }

    private async Task EnsureQueueAsync(string partition, OutboxPriority priority, CancellationToken cancellationToken)
    {
        // Queue work rows are never deleted, so once seen they need no more checks from this instance.
        if (_knownQueues.ContainsKey(partition))
        {
            return;
        }
        if (await _work.GetAsync(OutboxKeys.WorkPartition, partition, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                await _work.InsertAsync(WorkEntity(partition, priority, null), cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException)
            {
            }
        }
        _knownQueues[partition] = true;
    }

    internal static StoreEntity WorkEntity(string partition, OutboxPriority priority, string? broadcastId) =>
        new(OutboxKeys.WorkPartition, partition, new Dictionary<string, object?>
        {
            [RowFields.Priority] = (int)priority,
            [RowFields.BroadcastId] = broadcastId,
            [RowFields.LeaseOwner] = string.Empty,
            [RowFields.LeaseUntil] = DateTimeOffset.UnixEpoch,
        });

    internal async IAsyncEnumerable<StoreEntity> ReadRowsAsync(BroadcastHeader header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < header.Shards; shard++)
        {
            var partition = OutboxKeys.ShardPartition(header.BroadcastId, shard);
            await foreach (var row in _rows.QueryAllAsync(partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    internal async Task<BroadcastHeader?> ReadHeaderAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var entity = await _broadcasts.GetAsync(StoreKey.Escape(broadcastId), OutboxKeys.HeaderRow, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : BroadcastHeader.From(entity);
    }
}
