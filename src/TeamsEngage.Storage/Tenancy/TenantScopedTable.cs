namespace TeamsEngage.Storage;

/// <summary>
/// A table whose partition keys are stored as <c>{tenantId}|{partitionKey}</c>, the tenant being the one in
/// <see cref="TenantScope"/>. Callers see their own keys; another tenant's rows are out of reach of every operation.
/// </summary>
internal sealed class TenantScopedTable(IStoreTable inner) : IStoreTable
{
    public string Name => inner.Name;

    public async Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var prefix = Prefix();
        var entity = await inner.GetAsync(Scoped(prefix, partitionKey), rowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Unscoped(prefix, entity);
    }

    public async Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
    {
        var prefix = Prefix();
        return Unscoped(prefix, await inner.InsertAsync(Scoped(prefix, entity), cancellationToken).ConfigureAwait(false));
    }

    public async Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
    {
        var prefix = Prefix();
        return Unscoped(prefix, await inner.UpsertAsync(Scoped(prefix, entity), cancellationToken).ConfigureAwait(false));
    }

    public async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
    {
        var prefix = Prefix();
        return Unscoped(prefix, await inner.UpdateAsync(Scoped(prefix, entity), cancellationToken).ConfigureAwait(false));
    }

    public Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(Scoped(Prefix(), partitionKey), rowKey, eTag, cancellationToken);

    public async Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var prefix = Prefix();
        var scoped = operations.Select(o => o with { Entity = Scoped(prefix, o.Entity) }).ToList();
        var results = await inner.SubmitBatchAsync(scoped, cancellationToken).ConfigureAwait(false);
        return [.. results.Select(e => e is null ? null : Unscoped(prefix, e))];
    }

    public async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var prefix = Prefix();
        var page = await inner.QueryAsync(Scoped(prefix, partitionKey), rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken).ConfigureAwait(false);
        return page with { Entities = [.. page.Entities.Select(e => Unscoped(prefix, e))] };
    }

    /// <remarks>
    /// Scans only the partitions under the tenant in scope (the caller's prefix, if any, narrows it within the tenant),
    /// so a sweep or an erasure cannot see another tenant's rows even on a full scan.
    /// </remarks>
    public async Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
    {
        var prefix = Prefix();
        var page = await inner.ScanAsync(pageSize, continuationToken, prefix + partitionKeyPrefix, cancellationToken).ConfigureAwait(false);
        return page with { Entities = [.. page.Entities.Select(e => Unscoped(prefix, e))] };
    }

    private string Prefix() => TenantScope.Require("table " + inner.Name) + TenantScope.Separator;

    private static string Scoped(string prefix, string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        return prefix + partitionKey;
    }

    private static StoreEntity Scoped(string prefix, StoreEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity with { PartitionKey = Scoped(prefix, entity.PartitionKey) };
    }

    private StoreEntity Unscoped(string prefix, StoreEntity entity) => entity.PartitionKey.StartsWith(prefix, StringComparison.Ordinal)
        ? entity with { PartitionKey = entity.PartitionKey[prefix.Length..] }
        : throw new InvalidOperationException($"Table {inner.Name} returned a row outside the tenant in scope.");
}
