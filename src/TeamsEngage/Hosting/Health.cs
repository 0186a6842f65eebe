using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers (no dependency is checked, so a store outage does not get instances restarted).
/// <c>/readyz</c>: the store answers a read and the channel's signing keys can be had, so traffic can be served.
/// Neither needs a token; both answer only check names and statuses.
/// </summary>
public static class Health
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddTableStore("store", [ReadyTag], TimeSpan.FromSeconds(5))
            .AddChannelSigningKeys("signing-keys", [ReadyTag], TimeSpan.FromSeconds(10));
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    internal static bool IsProbe(PathString path) =>
        path.StartsWithSegments(LivenessPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(ReadinessPath, StringComparison.OrdinalIgnoreCase);

    // Names and statuses only: no exception text, no durations, no addresses.
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
