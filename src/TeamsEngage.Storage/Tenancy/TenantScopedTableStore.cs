namespace TeamsEngage.Storage;

/// <summary>
/// The store as the application sees it: every table is tenant-scoped (<see cref="TenantScopedTable"/>) except those
/// named shared, which hold rows of several tenants and carry the tenant per row themselves.
/// </summary>
public sealed class TenantScopedTableStore(ITableStore inner, IEnumerable<string> sharedTables) : ITableStore, IDisposable
{
    private readonly HashSet<string> _shared = new(sharedTables, StringComparer.OrdinalIgnoreCase);

    /// <summary>The store underneath, with the keys as stored (for infrastructure and tests that read it raw).</summary>
    public ITableStore Inner => inner;

    /// <inheritdoc />
    public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) =>
        inner.InitializeAsync(tableNames, cancellationToken);

    /// <inheritdoc />
    public IStoreTable Table(string name)
    {
        var table = inner.Table(name);
        return _shared.Contains(name) ? table : new TenantScopedTable(table);
    }

    /// <inheritdoc />
    public Task ForgetDeletedAsync(CancellationToken cancellationToken = default) => inner.ForgetDeletedAsync(cancellationToken);

    /// <summary>Disposes the store underneath (the embedded store releases its file).</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
