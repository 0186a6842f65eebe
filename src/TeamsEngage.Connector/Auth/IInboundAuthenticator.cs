using System.Security.Claims;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Auth;

/// <summary>Decides whether an inbound request really comes from the Bot Framework service.</summary>
public interface IInboundAuthenticator
{
    /// <summary>
    /// Validates the Authorization header against the activity it carries. Returns the caller's identity,
    /// or null when the request must be refused with 401. Never throws for a bad token.
    /// </summary>
    Task<ClaimsIdentity?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default);
}
