using System.Security.Cryptography;

namespace TeamsEngage.Testing.Auth;

/// <summary>
/// RSA key generation is slow on a busy machine, so every issuer in a test run draws its keys from one pool:
/// the keys of a single issuer are all different, while separate issuers (which never trust each other) reuse them.
/// The keys live as long as the test process because IdentityModel caches signature providers per key.
/// </summary>
internal static class RsaKeyPool
{
    private static readonly Lock Gate = new();
    private static readonly List<RSA> Keys = [];

    public static RSA Get(int index)
    {
        lock (Gate)
        {
            while (Keys.Count <= index)
            {
                Keys.Add(RSA.Create(2048));
            }
            return Keys[index];
        }
    }
}
