using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsEngage.Storage.Hosting;

/// <summary>Ready when the store answers a point read of a row that need not exist, in a table that always does.</summary>
internal sealed class StoreHealthCheck(ITableStore store) : IHealthCheck
{
    private const string ProbeKey = "readiness-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.Table(TenantRegistry.TableName).GetAsync(ProbeKey, ProbeKey, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception stays in the report for logs; the endpoint writes names and statuses only.
            return HealthCheckResult.Unhealthy(exception: ex);
        }
    }
}

/// <summary>Adds the store's readiness check to the host's health checks.</summary>
public static class StoreHealthChecks
{
    /// <summary>Adds a check that reads one row from the store, failing after <paramref name="timeout"/>.</summary>
    public static IHealthChecksBuilder AddTableStore(this IHealthChecksBuilder builder, string name, IEnumerable<string> tags, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<StoreHealthCheck>(name, HealthStatus.Unhealthy, tags, timeout);
    }
}
