using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Catalogue;

/// <summary>
/// The tenant's service catalogue: one row per service (its record as JSON, changed with its ETag), its followers, and
/// the history of its status announcements. Every change is written to the directory's audit.
/// </summary>
public sealed partial class ServiceCatalogue(ITableStore store, DirectoryAudit audit)
{
    public const string TableName = "CatalogueServices";
    public const string FollowersTable = "CatalogueFollowers";
    public const string StatusTable = "CatalogueStatus";
    private const string Partition = "service";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IStoreTable Services => store.Table(TableName);

    private IStoreTable Followers => store.Table(FollowersTable);

    private IStoreTable History => store.Table(StatusTable);

    /// <summary>Whether <paramref name="id"/> is a service id: 2 to 40 lower-case letters, digits and dashes.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public async Task<CatalogueService?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync(id, cancellationToken).ConfigureAwait(false))?.Service;

    /// <summary>Every service of the tenant, by name.</summary>
    public async Task<IReadOnlyList<CatalogueService>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await Services.QueryAllAsync(Partition, cancellationToken: cancellationToken).Select(Read).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Select(s => s.Service).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Adds or replaces a service's description (not its status, which only <see cref="ChangeAsync"/> sets), audited.</summary>
    public async Task<UpdateOutcome> SaveAsync(CatalogueService service, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var existing = await ReadAsync(service.Id, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await Services.InsertAsync(Row(service, null), cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException)
            {
                return UpdateOutcome.Contended;
            }
            await audit.RecordAsync(actor, "service.add", service.Id, null, cancellationToken).ConfigureAwait(false);
            return UpdateOutcome.Written;
        }
        var result = await ChangeAsync(service.Id, current =>
        {
            var next = service with { Status = current.Status };
            return next == current || Same(next, current) ? Decision.Keep<CatalogueService>() : Decision.Write(next);
        }, cancellationToken).ConfigureAwait(false);
        if (result.Written)
        {
            await audit.RecordAsync(actor, "service.edit", service.Id, null, cancellationToken).ConfigureAwait(false);
        }
        return result.Outcome;
    }

    /// <summary>Read, decide, write with the ETag: the one way a stored service changes.</summary>
    public Task<UpdateResult<StoredService, CatalogueService>> ChangeAsync(string id, Func<CatalogueService, Decision<CatalogueService>> decide, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync<StoredService, CatalogueService>(
            ct => ReadAsync(id, ct),
            current => decide(current.Service),
            async (current, changed, ct) =>
            {
                var written = await Services.UpdateAsync(Row(changed, current.ETag), ct).ConfigureAwait(false);
                return new StoredService(changed, written.ETag);
            },
            cancellationToken);

    /// <summary>Records the announcement of a status (its version is its row), audited; writing it twice keeps the first.</summary>
    public async Task RecordStatusAsync(string serviceId, ServiceStatus status, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var row = new StoreEntity(serviceId, VersionKey(status.Version), new Dictionary<string, object?> { ["Body"] = JsonSerializer.Serialize(status, Json) });
        try
        {
            await History.InsertAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            return;
        }
        await audit.RecordAsync(actor, "service.status", serviceId, status.Condition.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The status announced as <paramref name="version"/>, or null.</summary>
    public async Task<ServiceStatus?> StatusAsync(string serviceId, int version, CancellationToken cancellationToken) =>
        await History.GetAsync(serviceId, VersionKey(version), cancellationToken).ConfigureAwait(false) is { } row && row.GetString("Body") is { } body
            ? JsonSerializer.Deserialize<ServiceStatus>(body, Json)
            : null;

    // Follower rows are keyed by the escaped person key, as the directory's are, so both list people in the same order.
    public Task FollowAsync(string serviceId, string personKey, CancellationToken cancellationToken) =>
        Followers.UpsertAsync(new StoreEntity(serviceId, StoreKey.Escape(personKey), new Dictionary<string, object?> { ["Key"] = personKey }), cancellationToken);

    public async Task UnfollowAsync(string serviceId, string personKey, CancellationToken cancellationToken)
    {
        try
        {
            await Followers.DeleteAsync(serviceId, StoreKey.Escape(personKey), null, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreNotFoundException)
        {
            // Not following is what was asked.
        }
    }

    public async Task<bool> IsFollowingAsync(string serviceId, string personKey, CancellationToken cancellationToken) =>
        await Followers.GetAsync(serviceId, StoreKey.Escape(personKey), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The person keys following a service, in the directory's key order (<see cref="StoreKey.Escape"/>).</summary>
    public IAsyncEnumerable<string> FollowersAsync(string serviceId, CancellationToken cancellationToken) =>
        Followers.QueryAllAsync(serviceId, cancellationToken: cancellationToken).Select(e => e.GetString("Key") ?? StoreKey.Unescape(e.RowKey));

    /// <summary>The services a person follows (for a personal-data export).</summary>
    public IAsyncEnumerable<string> FollowedByAsync(string personKey, CancellationToken cancellationToken)
    {
        var row = StoreKey.Escape(personKey);
        return Followers.ScanAllAsync(cancellationToken).Where(e => e.RowKey == row).Select(e => e.PartitionKey);
    }

    private static bool Same(CatalogueService a, CatalogueService b) =>
        JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    private async Task<StoredService?> ReadAsync(string id, CancellationToken cancellationToken) =>
        IsValidId(id) && await Services.GetAsync(Partition, id, cancellationToken).ConfigureAwait(false) is { } row ? Read(row) : null;

    private static StoredService Read(StoreEntity row) =>
        new(JsonSerializer.Deserialize<CatalogueService>(row.GetString("Body") ?? "{}", Json)!, row.ETag);

    private static StoreEntity Row(CatalogueService service, string? eTag) =>
        new(Partition, service.Id, new Dictionary<string, object?> { ["Body"] = JsonSerializer.Serialize(service, Json) }, eTag);

    private static string VersionKey(int version) => version.ToString("D8", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
