using TeamsEngage.Storage;

namespace TeamsEngage.Testing.Storage;

/// <summary>
/// A table that passes every call to a real one; a test overrides the calls it wants to watch or bend, to play a
/// backend or a concurrent writer that a real store cannot be made to be on purpose.
/// </summary>
public abstract class StoreTableDecorator(IStoreTable inner) : IStoreTable
{
    /// <summary>The real table underneath.</summary>
    protected IStoreTable Inner => inner;

    public string Name => inner.Name;

    public virtual Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        inner.GetAsync(partitionKey, rowKey, cancellationToken);

    public virtual Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
        inner.InsertAsync(entity, cancellationToken);

    public virtual Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(entity, cancellationToken);

    public virtual Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(entity, cancellationToken);

    public virtual Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);

    public virtual Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default) =>
        inner.SubmitBatchAsync(operations, cancellationToken);

    public virtual Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);

    public virtual Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default) =>
        inner.ScanAsync(pageSize, continuationToken, partitionKeyPrefix, cancellationToken);
}
