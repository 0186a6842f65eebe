using System.Collections.Concurrent;

namespace TeamsEngage.Storage;

/// <summary>
/// The tenants this deployment has served, in the shared <c>Tenants</c> table: recorded once per tenant (then cached),
/// read by work that runs outside any request and must visit every tenant in turn.
/// </summary>
public sealed class TenantRegistry(ITableStore store)
{
    public const string TableName = "Tenants";
    private const string Partition = "tenants";

    private readonly IStoreTable _table = store.Table(TableName);
    private readonly ConcurrentDictionary<string, byte> _recorded = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="tenantId"/>; after the first time in this process it costs nothing.</summary>
    public async Task RecordAsync(string tenantId, CancellationToken cancellationToken)
    {
        var id = TenantScope.Normalize(tenantId) ?? throw new ArgumentException("A tenant id is a GUID.", nameof(tenantId));
        if (_recorded.ContainsKey(id))
        {
            return;
        }
        try
        {
            await _table.InsertAsync(new StoreEntity(Partition, id, new Dictionary<string, object?>()), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            // Recorded before (another instance, or before a restart).
        }
        _recorded.TryAdd(id, 0);
    }

    /// <summary>Every tenant recorded so far.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var tenants = new List<string>();
        await foreach (var row in _table.QueryAllAsync(Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tenants.Add(row.RowKey);
        }
        return tenants;
    }

    /// <summary>
    /// Runs <paramref name="work"/> once per recorded tenant, inside that tenant's scope. A failure in one tenant does not
    /// keep the others from their turn; the failures are thrown together at the end.
    /// </summary>
    public async Task ForEachAsync(Func<string, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var failures = new List<Exception>();
        foreach (var tenant in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                using (TenantScope.Enter(tenant))
                {
                    await work(tenant, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
            }
        }
        if (failures.Count > 0)
        {
            throw new AggregateException("Work failed in some tenants.", failures);
        }
    }
}
