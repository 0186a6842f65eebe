using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsEngage.Connector.Auth;

/// <summary>
/// Ready when inbound tokens can be checked: the channel's signing keys are cached or can be fetched now. Always ready
/// in anonymous mode, and when the host replaced the authenticator with one that needs no keys.
/// </summary>
internal sealed class ChannelSigningKeysHealthCheck(IInboundAuthenticator authenticator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (authenticator is not BotFrameworkAuthenticator channel)
        {
            return HealthCheckResult.Healthy();
        }
        return await channel.HasSigningKeysAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy();
    }
}

/// <summary>Adds the connector's readiness check to the host's health checks.</summary>
public static class ConnectorHealthChecks
{
    /// <summary>
    /// Adds a check that the channel's signing keys can be had (cached, or fetched within <paramref name="timeout"/>), so an
    /// instance that could refuse every request as unauthenticated is not sent traffic.
    /// </summary>
    public static IHealthChecksBuilder AddChannelSigningKeys(this IHealthChecksBuilder builder, string name, IEnumerable<string> tags, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<ChannelSigningKeysHealthCheck>(name, HealthStatus.Unhealthy, tags, timeout);
    }
}
