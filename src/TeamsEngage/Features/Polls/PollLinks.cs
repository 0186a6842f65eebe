using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Signed, expiring export links: <c>/polls/{id}/export.csv?exp={unix seconds}&amp;sig={HMAC-SHA256 of id and exp}</c>.
/// The key comes from configuration or is generated once and kept in the store, so every instance shares it.
/// </summary>
public sealed class PollLinks(ITableStore store, IOptions<PollsOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public const string SettingsTable = "PollSettings";

    private byte[]? _key;

    /// <summary>The export link of a poll, valid for <see cref="PollsOptions.LinkLifetime"/>.</summary>
    public async Task<Uri> ExportLinkAsync(string pollId, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow().Add(options.Value.LinkLifetime).ToUnixTimeSeconds();
        var signature = Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), pollId, expires);
        var baseUrl = (configuration["TeamsEngage:PublicBaseUrl"] ?? "http://127.0.0.1:3978").TrimEnd('/');
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/polls/{pollId}/export.csv?exp={expires}&sig={signature}"));
    }

    /// <summary>Whether the link's signature is right and it has not expired.</summary>
    public async Task<bool> IsValidAsync(string pollId, string? exp, string? sig, CancellationToken cancellationToken)
    {
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || sig is null
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, 253402300799)) <= clock.GetUtcNow())
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), pollId, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig));
    }

    private static string Sign(byte[] key, string pollId, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{pollId}|{expires}"))));

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
