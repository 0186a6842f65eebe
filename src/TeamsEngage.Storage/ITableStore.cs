namespace TeamsEngage.Storage;

/// <summary>
/// The store seam: named tables of entities addressed by partition key and row key, with ETags,
/// conditional writes, atomic batches within one partition, and partition / row-key range queries.
/// Two backends implement it (embedded SQLite, Azure Tables) with the same semantics.
/// </summary>
public interface ITableStore
{
    /// <summary>Creates every table the application declares, once, at start-up.</summary>
    Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default);

    /// <summary>A handle to one table. Cheap; does no I/O.</summary>
    IStoreTable Table(string name);

    /// <summary>
    /// Makes what was deleted so far unrecoverable from the store's own files: the embedded store zeroes freed pages
    /// (it runs with <c>secure_delete</c>) and folds its write-ahead log into the main file, leaving the log empty.
    /// Azure Tables keeps nothing readable of a deleted entity, so there it has nothing to do. Called after deletions that
    /// matter for privacy (an anonymous poll's secret and voter tokens, an erased person).
    /// </summary>
    Task ForgetDeletedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>One table of the store.</summary>
public interface IStoreTable
{
    /// <summary>The table's name.</summary>
    string Name { get; }

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new entity. Throws <see cref="StoreConflictException"/> when it exists. Returns it with its new ETag.</summary>
    Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces an entity unconditionally. Returns it with its new ETag.</summary>
    Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an entity only if its ETag still matches <see cref="StoreEntity.ETag"/>.
    /// Throws <see cref="StorePreconditionFailedException"/> when it changed, <see cref="StoreNotFoundException"/> when it is gone.
    /// </summary>
    Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an entity. With an ETag, only if it still matches (else <see cref="StorePreconditionFailedException"/>);
    /// with a null ETag, unconditionally. Throws <see cref="StoreNotFoundException"/> when it does not exist.
    /// </summary>
    Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies up to 100 operations on one partition atomically: all or none. Throws <see cref="StoreBatchException"/>
    /// naming the failing operation (and its typed cause); mixed partitions or more than 100 operations throw <see cref="ArgumentException"/>.
    /// Returns the entities written, with their new ETags, in operation order (null for deletes).
    /// </summary>
    Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one page of a partition in row-key order, optionally within [<paramref name="rowKeyFrom"/>, <paramref name="rowKeyTo"/>)
    /// (inclusive lower bound, exclusive upper bound).
    /// </summary>
    Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one page of the whole table across partitions or, with <paramref name="partitionKeyPrefix"/>, of every
    /// partition whose key starts with it, in (partition key, row key) order. A scan: for the few jobs that must look at
    /// every row (a retention sweep, erasing one person), never on a request's hot path.
    /// </summary>
    Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default);
}

/// <summary>An entity: its keys, its ETag (null before it is first written) and its properties.</summary>
/// <remarks>
/// Property values are limited to what both backends keep exactly: string, bool, int, long, double,
/// DateTimeOffset (UTC), Guid and byte[]. Null values are not stored.
/// </remarks>
public sealed record StoreEntity(string PartitionKey, string RowKey, IReadOnlyDictionary<string, object?> Properties, string? ETag = null, DateTimeOffset? Timestamp = null);

/// <summary>One page of a query, and the token for the next page (null on the last).</summary>
public sealed record StorePage(IReadOnlyList<StoreEntity> Entities, string? ContinuationToken);

/// <summary>The kind of a batch operation.</summary>
public enum BatchOperationKind
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Insert,
    /// <summary>Insert or replace.</summary>
    Upsert,
    /// <summary>Replace if the ETag matches.</summary>
    Update,
    /// <summary>Delete (if the ETag matches, when one is given).</summary>
    Delete,
}

/// <summary>One operation of an atomic batch.</summary>
public sealed record BatchOperation(BatchOperationKind Kind, StoreEntity Entity);

/// <summary>Base of the store's typed failures; both backends throw the same ones.</summary>
public abstract class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The entity does not exist.</summary>
public sealed class StoreNotFoundException(string message, Exception? inner = null) : StoreException(message, inner);

/// <summary>The entity already exists (insert).</summary>
public sealed class StoreConflictException(string message, Exception? inner = null) : StoreException(message, inner);

/// <summary>The entity changed since it was read (ETag mismatch).</summary>
public sealed class StorePreconditionFailedException(string message, Exception? inner = null) : StoreException(message, inner);

/// <summary>A batch failed as a whole; <see cref="FailedIndex"/> names the operation and the inner exception its cause.</summary>
public sealed class StoreBatchException(string message, int failedIndex, StoreException inner) : StoreException(message, inner)
{
    /// <summary>The index of the operation that failed.</summary>
    public int FailedIndex { get; } = failedIndex;
}
