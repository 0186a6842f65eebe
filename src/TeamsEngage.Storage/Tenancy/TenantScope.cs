namespace TeamsEngage.Storage;

/// <summary>
/// The tenant the current flow of work acts for. Every tenant-scoped table reads and writes under it, and refuses to
/// work without it, so code that forgets to enter a tenant fails instead of reading across tenants.
/// </summary>
/// <example><code>using (TenantScope.Enter(tenantId)) { await store.Table("Tickets").GetAsync(...); }</code></example>
public static class TenantScope
{
    /// <summary>What separates the tenant from the partition key in a scoped table: a key may hold it, a GUID never does.</summary>
    public const char Separator = '|';

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The tenant in scope (a lower-case GUID), or null outside any.</summary>
    public static string? Current => Ambient.Value;

    /// <summary>
    /// Enters <paramref name="tenantId"/> (an Entra tenant id, a GUID) until the returned handle is disposed; the previous
    /// scope, if any, comes back then. The scope flows into awaited calls and tasks started inside it.
    /// </summary>
    public static IDisposable Enter(string tenantId)
    {
        var normalized = Normalize(tenantId) ?? throw new ArgumentException("A tenant id is a GUID.", nameof(tenantId));
        var previous = Ambient.Value;
        Ambient.Value = normalized;
        return new Exit(previous);
    }

    /// <summary>The tenant in scope; throws <see cref="TenantScopeMissingException"/> outside any.</summary>
    public static string Require(string? what = null) => Ambient.Value ?? throw new TenantScopeMissingException(what);

    /// <summary>The canonical form of a tenant id (lower-case GUID), or null when it is not one.</summary>
    public static string? Normalize(string? tenantId) =>
        Guid.TryParse(tenantId?.Trim(), out var id) && id != Guid.Empty ? id.ToString("D") : null;

    private sealed class Exit(string? previous) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                Ambient.Value = previous;
            }
        }
    }
}

/// <summary>A tenant-scoped table was used with no tenant in scope: a programming error, never a reason to guess.</summary>
public sealed class TenantScopeMissingException(string? what = null)
    : InvalidOperationException($"No tenant is in scope{(what is null ? string.Empty : " for " + what)}: enter one with TenantScope.Enter(tenantId) before touching a tenant-scoped table.");
