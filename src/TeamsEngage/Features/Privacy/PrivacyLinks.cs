using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// Signed, expiring export links: <c>/privacy/exports/{id}?tenant={tenant}&amp;exp={unix seconds}&amp;sig={HMAC-SHA256 of id, tenant and exp}</c>.
/// The id is random and names a row, in the tenant's own table, that says whose export it is, so the link carries no
/// person id and cannot be guessed; the row is removed when it expires or the person is erased. The signed tenant is the
/// one the export reads in, so a link never reaches another tenant's person. The key comes from configuration or is
/// generated once and kept in a shared table, so every instance shares it.
/// </summary>
public sealed class PrivacyLinks(ITableStore store, IOptions<PrivacyOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public const string ExportsTable = "PrivacyExports";
    public const string SettingsTable = "PrivacySettings";
    private const string Partition = "export";

    private readonly IStoreTable _exports = store.Table(ExportsTable);
    private byte[]? _key;

    /// <summary>A new link to the export of <paramref name="personKey"/>, valid for <see cref="PrivacyOptions.LinkLifetime"/>.</summary>
    public async Task<Uri> CreateAsync(string personKey, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("an export link");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow().Add(options.Value.LinkLifetime);
        await _exports.InsertAsync(new StoreEntity(Partition, id, new Dictionary<string, object?> { ["PersonKey"] = personKey, ["ExpiresAt"] = expires }), cancellationToken).ConfigureAwait(false);
        var exp = expires.ToUnixTimeSeconds();
        var signature = Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), id, tenant, exp);
        var baseUrl = (configuration["TeamsEngage:PublicBaseUrl"] ?? "http://127.0.0.1:3978").TrimEnd('/');
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/privacy/exports/{id}?tenant={tenant}&exp={exp}&sig={signature}"));
    }

    /// <summary>The link's tenant when its signature is right and it has not expired; null for a forged, altered or expired one.</summary>
    public async Task<string?> ValidTenantAsync(string id, string? tenant, string? exp, string? sig, CancellationToken cancellationToken)
    {
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || sig is null || id.Length != 32
            || TenantScope.Normalize(tenant) is not { } tenantId
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, 253402300799)) <= clock.GetUtcNow())
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), id, tenantId, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig)) ? tenantId : null;
    }

    /// <summary>The person a link of the tenant in scope is for; null once it expired or was revoked.</summary>
    public async Task<string?> PersonOfAsync(string id, CancellationToken cancellationToken)
    {
        var row = await _exports.GetAsync(Partition, id, cancellationToken).ConfigureAwait(false);
        return row?.GetDateTimeOffset("ExpiresAt") > clock.GetUtcNow() ? row.GetString("PersonKey") : null;
    }

    /// <summary>Removes the rows of expired links.</summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        DeleteWhereAsync(row => row.GetDateTimeOffset("ExpiresAt") is not { } at || at <= now, cancellationToken);

    /// <summary>Revokes every link to the person's export.</summary>
    public Task<int> ForgetAsync(string personKey, CancellationToken cancellationToken) =>
        DeleteWhereAsync(row => row.GetString("PersonKey") == personKey, cancellationToken);

    private async Task<int> DeleteWhereAsync(Func<StoreEntity, bool> match, CancellationToken cancellationToken)
    {
        var rows = await _exports.QueryAllAsync(Partition, cancellationToken: cancellationToken).Where(match).ToListAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var row in rows)
        {
            try
            {
                await _exports.DeleteAsync(row.PartitionKey, row.RowKey, null, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (StoreNotFoundException)
            {
                // Removed meanwhile by another instance.
            }
        }
        return removed;
    }

    private static string Sign(byte[] key, string id, string tenant, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"privacy|{id}|{tenant}|{expires}"))));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }
        _key = options.Value.LinkSigningKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : await StoredKeyAsync(cancellationToken).ConfigureAwait(false);
        return _key;
    }

    private async Task<byte[]> StoredKeyAsync(CancellationToken cancellationToken)
    {
        var table = store.Table(SettingsTable);
        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            await table.InsertAsync(new StoreEntity("settings", "linkKey", new Dictionary<string, object?> { ["Key"] = key }), cancellationToken).ConfigureAwait(false);
            return key;
        }
        catch (StoreConflictException)
        {
            // Another instance generated it first: the insert is the lock, so use theirs.
            var existing = await table.GetAsync("settings", "linkKey", cancellationToken).ConfigureAwait(false);
            return existing?.GetBinary("Key") ?? throw new InvalidOperationException("The export link key vanished.");
        }
    }
}
