using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Tenancy;

/// <summary>
/// A store that passes every call to a real one, counts the writes, and can rewrite what comes back: a stand-in for a
/// backend that misbehaves, which a real one cannot be made to do on purpose.
/// </summary>
internal sealed class InterceptedStore(ITableStore inner, Func<StoreEntity, StoreEntity>? rewriteResults = null) : ITableStore
{
    private int inserts;

    public int Inserts => Volatile.Read(ref inserts);

    public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) =>
        inner.InitializeAsync(tableNames, cancellationToken);

    public IStoreTable Table(string name) => new CountedTable(this, inner.Table(name));

    private StoreEntity Rewrite(StoreEntity entity) => rewriteResults is null ? entity : rewriteResults(entity);

    private sealed class CountedTable(InterceptedStore owner, IStoreTable table) : StoreTableDecorator(table)
    {
        public override async Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
            await Inner.GetAsync(partitionKey, rowKey, cancellationToken) is { } found ? owner.Rewrite(found) : null;

        public override async Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner.inserts);
            return owner.Rewrite(await Inner.InsertAsync(entity, cancellationToken));
        }

        public override async Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
            owner.Rewrite(await Inner.UpsertAsync(entity, cancellationToken));

        public override async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
            owner.Rewrite(await Inner.UpdateAsync(entity, cancellationToken));

        public override async Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default) =>
            [.. (await Inner.SubmitBatchAsync(operations, cancellationToken)).Select(e => e is null ? null : owner.Rewrite(e))];

        public override async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            var page = await Inner.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
            return page with { Entities = [.. page.Entities.Select(owner.Rewrite)] };
        }

        public override async Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
        {
            var page = await Inner.ScanAsync(pageSize, continuationToken, partitionKeyPrefix, cancellationToken);
            return page with { Entities = [.. page.Entities.Select(owner.Rewrite)] };
        }
    }
}
