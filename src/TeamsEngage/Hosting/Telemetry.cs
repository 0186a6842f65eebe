using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs. Exported to Application Insights when <see cref="AzureMonitorSetting"/> is
/// set, over OTLP when <see cref="OtlpSetting"/> is set (both may be), and nowhere when neither is; the providers run
/// either way, so a test can attach its own exporter.
/// </summary>
public static class Telemetry
{
    /// <summary>The service name on every signal.</summary>
    public const string ServiceName = "TeamsEngage";

    /// <summary>The Application Insights connection string (the Azure Monitor distro reads it itself).</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The OTLP collector address (the OpenTelemetry SDK reads it and its companions itself).</summary>
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var azureMonitor = !string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]);
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddProcessor(new UrlRedaction());
                // The distro adds these instrumentations itself; adding them twice would double every span.
                if (!azureMonitor)
                {
                    tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConnectorMetrics.MeterName);
                if (!azureMonitor)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithLogging();
        if (azureMonitor)
        {
            otel.UseAzureMonitor();
        }
        if (!string.IsNullOrWhiteSpace(configuration[OtlpSetting]))
        {
            otel.UseOtlpExporter();
        }

        // Probes arrive every few seconds and say nothing an operator needs as a trace.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(o => o.Filter = http => !Health.IsProbe(http.Request.Path));
        // The HTTP client factory logs every request's address, conversation ids included; its warnings are enough.
        services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>("System.Net.Http.HttpClient", LogLevel.Warning));
        return services;
    }
}
