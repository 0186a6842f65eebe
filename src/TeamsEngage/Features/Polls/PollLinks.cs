using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Signed, expiring export links: <c>/polls/{id}/export.csv?tenant={tenant}&amp;exp={unix seconds}&amp;sig={HMAC-SHA256 of id, tenant and exp}</c>.
/// The key comes from configuration or is generated once and kept in a shared table, so every instance shares it; the
/// signed tenant is the one the export reads in, so a link never opens another tenant's poll.
/// </summary>
public sealed class PollLinks(ITableStore store, IOptions<PollsOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public const string SettingsTable = "PollSettings";

    private byte[]? _key;

    /// <summary>The export link of a poll, valid for <see cref="PollsOptions.LinkLifetime"/>.</summary>
    public async Task<Uri> ExportLinkAsync(string pollId, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("an export link");
        var expires = clock.GetUtcNow().Add(options.Value.LinkLifetime).ToUnixTimeSeconds();
        var signature = Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), pollId, tenant, expires);
        var baseUrl = (configuration["TeamsEngage:PublicBaseUrl"] ?? "http://127.0.0.1:3978").TrimEnd('/');
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/polls/{pollId}/export.csv?tenant={tenant}&exp={expires}&sig={signature}"));
    }

    /// <summary>The link's tenant when its signature is right and it has not expired; otherwise null.</summary>
    public async Task<string?> ValidTenantAsync(string pollId, string? tenant, string? exp, string? sig, CancellationToken cancellationToken)
    {
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || sig is null
            || TenantScope.Normalize(tenant) is not { } tenantId
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, 253402300799)) <= clock.GetUtcNow())
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), pollId, tenantId, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig)) ? tenantId : null;
    }

    private static string Sign(byte[] key, string pollId, string tenant, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{pollId}|{tenant}|{expires}"))));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }
        // Two first callers racing both end with the stored key: the insert is the lock.
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
            // Another instance generated it first: use theirs.
            var existing = await table.GetAsync("settings", "linkKey", cancellationToken).ConfigureAwait(false);
            return existing?.GetBinary("Key") ?? throw new InvalidOperationException("The export link key vanished.");
        }
    }
}
