using System.Diagnostics.CodeAnalysis;

namespace TeamsEngage.Connector.Auth;

internal static class AuthorizationHeader
{
    /// <summary>Accepts exactly "Bearer &lt;token&gt;": one space, scheme in any case, a non-empty token.</summary>
    public static bool TryReadBearerToken(string header, [NotNullWhen(true)] out string? token)
    {
        var parts = header.Split(' ');
        if (parts.Length == 2
            && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase)
            && parts[1].Length > 0)
        {
            token = parts[1];
            return true;
        }
        token = null;
        return false;
    }
}
