using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Connector.Auth;

/// <summary>
/// Lifetime check on an injectable clock (IdentityModel's own check reads the system clock).
/// Throws the same exception types IdentityModel would, so failures stay distinguishable.
/// </summary>
internal static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider clock, TimeSpan clockSkew) =>
        (notBefore, expires, _, _) =>
        {
            if (expires is not { } exp)
            {
                throw new SecurityTokenNoExpirationException("The token has no expiration time.");
            }
            if (notBefore is { } nbf && nbf > exp)
            {
                throw new SecurityTokenInvalidLifetimeException("The token's not-before time is after its expiration time.")
                {
                    NotBefore = nbf,
                    Expires = exp,
                };
            }
            var now = clock.GetUtcNow().UtcDateTime;
            if (notBefore is { } start && start > now + clockSkew)
            {
                throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = start };
            }
            if (exp < now - clockSkew)
            {
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
            }
            return true;
        };
}
