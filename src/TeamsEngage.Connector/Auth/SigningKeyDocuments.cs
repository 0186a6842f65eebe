using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Connector.Auth;

/// <summary>Reads the OpenID metadata document and the channel's JWKS, including the non-standard endorsements.</summary>
internal static class SigningKeyDocuments
{
    public static Uri ReadJwksUri(string metadataJson)
    {
        var metadata = OpenIdConnectConfiguration.Create(metadataJson);
        if (string.IsNullOrEmpty(metadata.JwksUri))
        {
            throw new InvalidDataException("The OpenID metadata document has no jwks_uri.");
        }
        return MetadataUrlRule.Parse(metadata.JwksUri, "jwks_uri");
    }

    public static SigningKeySet ReadKeySet(string jwksJson)
    {
        var keys = new JsonWebKeySet(jwksJson).GetSigningKeys();
        if (keys.Count == 0)
        {
            throw new InvalidDataException("The JWKS document has no usable signing keys.");
        }
        return new SigningKeySet(keys.ToList(), ReadEndorsements(jwksJson));
    }

    // IdentityModel does not promise to surface the "endorsements" member, so it is read from the JSON directly.
    private static Dictionary<string, HashSet<string>> ReadEndorsements(string jwksJson)
    {
        var endorsements = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return endorsements;
        }
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var channels) || channels.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var channel in channels.EnumerateArray())
            {
                if (channel.ValueKind == JsonValueKind.String && channel.GetString() is { Length: > 0 } value)
                {
                    set.Add(value);
                }
            }
            endorsements[kid.GetString()!] = set;
        }
        return endorsements;
    }
}
