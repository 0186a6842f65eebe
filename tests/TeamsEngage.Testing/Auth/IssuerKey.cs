using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Testing.Auth;

/// <summary>An RSA signing key of a <see cref="LocalTokenIssuer"/>, and the channels it is endorsed for.</summary>
public sealed class IssuerKey
{
    private readonly RSA _rsa;

    internal IssuerKey(string keyId, IReadOnlyList<string>? endorsements, RSA rsa)
    {
        _rsa = rsa;
        KeyId = keyId;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    /// <summary>The <c>kid</c> published in the JWKS and written in token headers.</summary>
    public string KeyId { get; }

    /// <summary>The JWK's <c>endorsements</c>; null publishes the key without that member.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    internal RsaSecurityKey SecurityKey { get; }

    internal Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }
        return jwk;
    }
}
