using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Links;

/// <summary>
/// Signed, expiring links to the bot's own web pages: <c>{PublicBaseUrl}{path}?{parameters}&amp;exp={unix seconds}&amp;sig={hex}</c>,
/// where the signature is an HMAC-SHA256 of the path, every parameter and the expiry. Signing the path binds a link to
/// its page (a poll export's signature opens nothing else); signing the parameters binds it to what it names, such as
/// the tenant the page reads in. The key is the configured one, or one generated once and kept in a shared table so
/// every instance signs alike.
/// </summary>
public sealed class SignedLinks(ITableStore store, IOptions<PublicLinkOptions> options, TimeProvider clock)
{
    public const string SettingsTable = "LinkSettings";
    public const int KeyBytes = 32;

    // The largest Unix time DateTimeOffset can hold: a forged "exp" beyond it must not throw.
    private const long LatestUnixSeconds = 253402300799;

    private byte[]? _key;

    /// <summary>A link to <paramref name="path"/> with <paramref name="parameters"/>, valid for <paramref name="lifetime"/>.</summary>
    public async Task<Uri> CreateAsync(string path, IReadOnlyList<KeyValuePair<string, string>> parameters, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(parameters);
        if (path[0] != '/')
        {
            throw new ArgumentException("A link path starts with '/'.", nameof(path));
        }
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var signature = Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), path, parameters, expires);
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }
        query.Append(CultureInfo.InvariantCulture, $"exp={expires}&sig={signature}");
        return new Uri(options.Value.BaseAddress(), path.TrimStart('/') + "?" + query);
    }

    /// <summary>True when the signature covers exactly this path, these parameters and this expiry, and it has not passed.</summary>
    public async Task<bool> IsValidAsync(string path, IReadOnlyList<KeyValuePair<string, string>> parameters, string? exp, string? sig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || sig is null
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, LatestUnixSeconds)) <= clock.GetUtcNow())
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), path, parameters, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig));
    }

    private static string Sign(byte[] key, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, long expires)
    {
        // Lengths before every part, so no two different links sign the same bytes.
        var message = new StringBuilder();
        foreach (var part in parameters.SelectMany(p => new[] { p.Key, p.Value }).Prepend(path).Append(expires.ToString(CultureInfo.InvariantCulture)))
        {
            message.Append(CultureInfo.InvariantCulture, $"{part.Length}:{part};");
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message.ToString())));
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }
        _key = options.Value.LinkSigningKey is { Length: > 0 } configured
            ? Base64KeyAttribute.TryDecode(configured, KeyBytes) ?? throw new InvalidOperationException("TeamsEngage:LinkSigningKey is not a valid key.")
            : await StoredKeyAsync(cancellationToken).ConfigureAwait(false);
        return _key;
    }

    private async Task<byte[]> StoredKeyAsync(CancellationToken cancellationToken)
    {
        var table = store.Table(SettingsTable);
        try
        {
            // Two first callers racing both end with the stored key: the insert is the lock.
            var key = RandomNumberGenerator.GetBytes(KeyBytes);
            await table.InsertAsync(new StoreEntity("settings", "linkKey", new Dictionary<string, object?> { ["Key"] = key }), cancellationToken).ConfigureAwait(false);
            return key;
        }
        catch (StoreConflictException)
        {
            var existing = await table.GetAsync("settings", "linkKey", cancellationToken).ConfigureAwait(false);
            return existing?.GetBinary("Key") ?? throw new InvalidOperationException("The link signing key vanished.");
        }
    }
}
