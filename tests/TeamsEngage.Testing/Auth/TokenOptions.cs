namespace TeamsEngage.Testing.Auth;

/// <summary>
/// Overrides for <see cref="LocalTokenIssuer.CreateToken"/>. Every property left unset gives what the real channel sends
/// to a Teams bot: issuer https://api.botframework.com, audience the app id, valid from now for one hour, RS256 with the
/// issuer's msteams-endorsed key, and a <c>serviceurl</c> claim.
/// </summary>
public sealed record TokenOptions
{
    public string Issuer { get; init; } = "https://api.botframework.com";

    /// <summary>Defaults to the app id passed to <see cref="LocalTokenIssuer.CreateToken"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>Defaults to the issuer clock's now.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Defaults to one hour after <see cref="NotBefore"/>.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Leaves the <c>exp</c> claim out.</summary>
    public bool OmitExpires { get; init; }

    /// <summary>Which key signs (and whose <c>kid</c> goes in the header). Defaults to <see cref="LocalTokenIssuer.TeamsKey"/>.</summary>
    public IssuerKey? SigningKey { get; init; }

    /// <summary>RS256, RS384 or RS512 (or any other RSA algorithm, to test refusal).</summary>
    public string Algorithm { get; init; } = "RS256";

    /// <summary>Produces an <c>alg: none</c> token with an empty signature.</summary>
    public bool WithoutSignature { get; init; }

    /// <summary>Signs with HS256 using this shared secret, keeping the signing key's <c>kid</c> in the header.</summary>
    public string? HmacSecret { get; init; }

    /// <summary>Leaves the <c>serviceurl</c> claim out.</summary>
    public bool OmitServiceUrl { get; init; }

    /// <summary>Further claims, added as given.</summary>
    public IReadOnlyDictionary<string, object>? ExtraClaims { get; init; }
}
