using System.Runtime.CompilerServices;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>The outbox's three tables, and the reads that the writer, the dispatcher and the sender share.</summary>
internal sealed class OutboxTables(ITableStore store)
{
    public IStoreTable Rows { get; } = store.Table(OutboxKeys.RowsTable);

    public IStoreTable Work { get; } = store.Table(OutboxKeys.WorkTable);

    public IStoreTable Broadcasts { get; } = store.Table(OutboxKeys.BroadcastsTable);

    /// <summary>The header row as stored (its ETag guards a change), or null when the broadcast is unknown.</summary>
    public Task<StoreEntity?> ReadHeaderEntityAsync(string broadcastId, CancellationToken cancellationToken) =>
        Broadcasts.GetAsync(StoreKey.Escape(broadcastId), OutboxKeys.HeaderRow, cancellationToken);

    public async Task<BroadcastHeader?> ReadHeaderAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var entity = await ReadHeaderEntityAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : BroadcastHeader.From(entity);
    }

    /// <summary>
    /// The header of a broadcast of the tenant in scope, or null when the broadcast is unknown or another tenant's: the
    /// outbox's tables are shared, so the feature-facing operations check the tenant here.
    /// </summary>
    public async Task<BroadcastHeader?> ReadOwnHeaderAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("the outbox");
        var header = await ReadHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        return header is not null && TenantScope.Normalize(header.TenantId) == tenant ? header : null;
    }

    /// <summary>Every row of a broadcast, shard after shard.</summary>
    public async IAsyncEnumerable<StoreEntity> ReadRowsAsync(BroadcastHeader header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < header.Shards; shard++)
        {
            var partition = OutboxKeys.ShardPartition(header.BroadcastId, shard);
            await foreach (var row in Rows.QueryAllAsync(partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
