using System.Security.Cryptography;
using System.Text;

namespace TeamsEngage.Anonymity;

/// <summary>
/// Row keys of anonymous answers. While a question is open: <c>"h" + HMAC-SHA256(K, user id)</c>, with K the question's
/// random secret (or, with a pepper configured, an HMAC of it under the pepper), so a person finds and changes their own
/// answer and cannot answer twice. Once sealed: <c>"s" + 16 random bytes</c>, which nothing can be traced back to.
/// </summary>
public static class VoterKeys
{
    public const string KeyedPrefix = "h";
    public const string KeyedEnd = "i";
    public const string SealedPrefix = "s";
    public const string SealedEnd = "t";

    /// <summary>A new random secret (32 bytes), stored only while the question is open.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The keyed row key of a person under the secret.</summary>
    public static string Keyed(byte[] secret, string userId)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(userId));
        return KeyedPrefix + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A random row key for a sealed answer.</summary>
    public static string Sealed() => SealedPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The secret keys are made with: the stored one, or, when a pepper is configured, an HMAC of it and the question's id
    /// under the pepper, which someone holding only the store's files does not have.
    /// </summary>
    public static byte[]? Peppered(byte[]? stored, string? pepper, string id) =>
        stored is null || pepper is not { Length: > 0 }
            ? stored
            : HMACSHA256.HashData(Convert.FromBase64String(pepper), stored.Concat(Encoding.UTF8.GetBytes(id)).ToArray());
}
