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

    private sealed class CountedTable(InterceptedStore owner, IStoreTable table) : IStoreTable
    {
        public string Name => table.Name;

        public async Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
            await table.GetAsync(partitionKey, rowKey, cancellationToken) is { } found ? owner.Rewrite(found) : null;

        public async Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner.inserts);
            return owner.Rewrite(await table.InsertAsync(entity, cancellationToken));
        }

        public async Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
            owner.Rewrite(await table.UpsertAsync(entity, cancellationToken));

        public async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
            owner.Rewrite(await table.UpdateAsync(entity, cancellationToken));

        public Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default) =>
            table.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);

        public async Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default) =>
            [.. (await table.SubmitBatchAsync(operations, cancellationToken)).Select(e => e is null ? null : owner.Rewrite(e))];

        public async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            var page = await table.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
            return page with { Entities = [.. page.Entities.Select(owner.Rewrite)] };
        }

        public async Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
        {
            var page = await table.ScanAsync(pageSize, continuationToken, partitionKeyPrefix, cancellationToken);
            return page with { Entities = [.. page.Entities.Select(owner.Rewrite)] };
        }
    }
}
