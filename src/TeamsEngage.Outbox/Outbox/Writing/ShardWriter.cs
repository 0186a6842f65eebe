using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Buffers a broadcast's rows per shard and writes them in atomic batches of 100. A shard's work row is created at its
/// first batch, so sending starts while the rest is still written; the header's WritesDone tells the dispatcher
/// when a shard that looks finished really is.
/// </summary>
internal sealed class ShardWriter(IStoreTable rows, WorkIndex work, OutboxSignal signal, BroadcastHeader header)
{
    private const int BatchSize = 100;

    private readonly Dictionary<string, StoreEntity>[] _buffers = [.. Enumerable.Range(0, header.Shards).Select(_ => new Dictionary<string, StoreEntity>(StringComparer.Ordinal))];
    private readonly bool[] _opened = new bool[header.Shards];

    public int Pending { get; private set; }

    public int Unreachable { get; private set; }

    public async Task AddAsync(string rowKey, string shardKey, Dictionary<string, object?> properties, CancellationToken cancellationToken)
    {
        var shard = OutboxKeys.Shard(shardKey, header.Shards);
        var buffer = _buffers[shard];
        // The same person twice in one batch would fail the whole batch; the first one wins, as on a repeated start.
        buffer.TryAdd(rowKey, new StoreEntity(OutboxKeys.ShardPartition(header.BroadcastId, shard), rowKey, properties));
        if (buffer.Count >= BatchSize)
        {
            await FlushAsync(shard, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < _buffers.Length; shard++)
        {
            await FlushAsync(shard, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(int shard, CancellationToken cancellationToken)
    {
        var buffer = _buffers[shard];
        if (buffer.Count == 0)
        {
            return;
        }
        var entities = buffer.Values.ToList();
        buffer.Clear();
        try
        {
            await rows.SubmitBatchAsync([.. entities.Select(e => new BatchOperation(BatchOperationKind.Insert, e))], cancellationToken).ConfigureAwait(false);
            Count(entities);
        }
        catch (StoreBatchException ex) when (ex.InnerException is StoreConflictException)
        {
            await InsertNewOnesAsync(entities, cancellationToken).ConfigureAwait(false);
        }
        if (!_opened[shard] && entities.Exists(e => e.GetString(RowFields.Status) == nameof(DeliveryStatus.Pending)))
        {
            _opened[shard] = true;
            await work.EnsureShardAsync(OutboxKeys.ShardPartition(header.BroadcastId, shard), header.Priority, header.BroadcastId, cancellationToken).ConfigureAwait(false);
            signal.Notify();
        }
    }

    /// <summary>A repeated start: writes only the people not written before.</summary>
    private async Task InsertNewOnesAsync(List<StoreEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var entity in entities)
        {
            try
            {
                await rows.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
                Count([entity]);
            }
            catch (StoreConflictException)
            {
            }
        }
    }

    private void Count(IEnumerable<StoreEntity> written)
    {
        foreach (var entity in written)
        {
            if (entity.GetString(RowFields.Status) == nameof(DeliveryStatus.Pending))
            {
                Pending++;
            }
            else
            {
                Unreachable++;
            }
        }
    }
}
