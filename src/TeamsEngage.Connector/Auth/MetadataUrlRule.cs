using System.Diagnostics.CodeAnalysis;

namespace TeamsEngage.Connector.Auth;

/// <summary>Signing keys must come over https; plain http is tolerated only from this machine (local test issuers).</summary>
internal static class MetadataUrlRule
{
    public static bool TryParse(string? url, [NotNullWhen(true)] out Uri? uri, [NotNullWhen(false)] out string? problem)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            problem = "it is not an absolute URL";
            return false;
        }
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            problem = null;
            return true;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
        {
            problem = null;
            return true;
        }
        problem = uri.Scheme == Uri.UriSchemeHttp
            ? "plain http is allowed only for a loopback host (127.0.0.1, ::1, localhost)"
            : "only https is allowed";
        uri = null;
        return false;
    }

    public static Uri Parse(string? url, string settingName)
    {
        if (TryParse(url, out var uri, out var problem))
        {
            return uri;
        }
        throw new InvalidOperationException($"{settingName} '{url}' is not allowed: {problem}.");
    }
}
