using System.Collections.Concurrent;
using TeamsEngage.Storage;

namespace TeamsEngage.Bench;

/// <summary>
/// Counts every store operation (a batch counts as one, as it is one request to Azure Tables), in all and by table and
/// kind: a range read costs the emulator a pass over the whole table, so where the reads go matters as much as how many.
/// </summary>
internal sealed class CountingTableStore(ITableStore inner) : ITableStore
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _operations;

    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>Operations by "table operation", range reads of the outbox's rows split into queue and shard reads.</summary>
    public IReadOnlyDictionary<string, long> ByKind => new SortedDictionary<string, long>(_byKind, StringComparer.Ordinal);

    public bool Counting { get; set; }

    public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

    public IStoreTable Table(string name) => new CountingTable(this, inner.Table(name));

    private void Count(string table, string operation)
    {
        if (Counting)
        {
            Interlocked.Increment(ref _operations);
            _byKind.AddOrUpdate(table + " " + operation, 1, (_, n) => n + 1);
        }
    }

    private sealed class CountingTable(CountingTableStore owner, IStoreTable table) : IStoreTable
    {
        public string Name => table.Name;

        public Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, "get");
            return table.GetAsync(partitionKey, rowKey, cancellationToken);
        }

        public Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, "insert");
            return table.InsertAsync(entity, cancellationToken);
        }

        public Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, "upsert");
            return table.UpsertAsync(entity, cancellationToken);
        }

        public Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, "update");
            return table.UpdateAsync(entity, cancellationToken);
        }

        public Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, "delete");
            return table.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
        }

        public Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, "batch");
            return table.SubmitBatchAsync(operations, cancellationToken);
        }

        public Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, partitionKey.StartsWith("q|", StringComparison.Ordinal) ? "query (queue)" : partitionKey.StartsWith("b|", StringComparison.Ordinal) ? "query (shard)" : "query");
            return table.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
        }

        public Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
        {
            owner.Count(table.Name, "scan");
            return table.ScanAsync(pageSize, continuationToken, partitionKeyPrefix, cancellationToken);
        }
    }
}
