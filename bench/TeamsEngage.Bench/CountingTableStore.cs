using TeamsEngage.Storage;

namespace TeamsEngage.Bench;

/// <summary>Counts every store operation (a batch counts as one, as it is one request to Azure Tables).</summary>
internal sealed class CountingTableStore(ITableStore inner) : ITableStore
{
    private long _operations;

    public long Operations => Interlocked.Read(ref _operations);

    public bool Counting { get; set; }

    public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

    public IStoreTable Table(string name) => new CountingTable(this, inner.Table(name));

    private void Count()
    {
        if (Counting)
        {
            Interlocked.Increment(ref _operations);
        }
    }

    private sealed class CountingTable(CountingTableStore owner, IStoreTable table) : IStoreTable
    {
        public string Name => table.Name;

        public Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.GetAsync(partitionKey, rowKey, cancellationToken);
        }

        public Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.InsertAsync(entity, cancellationToken);
        }

        public Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.UpsertAsync(entity, cancellationToken);
        }

        public Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.UpdateAsync(entity, cancellationToken);
        }

        public Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
        }

        public Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.SubmitBatchAsync(operations, cancellationToken);
        }

        public Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
        }

        public Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
        {
            owner.Count();
            return table.ScanAsync(pageSize, continuationToken, partitionKeyPrefix, cancellationToken);
        }
    }
}
