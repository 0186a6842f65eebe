using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Outbox;

/// <summary>
/// The outbox's instruments, on the service's meter. The only attribute that names anything is the tenant id (an
/// organisation, not a person); the others are fixed words (reasons, status codes).
/// </summary>
internal sealed class OutboxMetrics
{
    private const string TenantTag = "tenant.id";

    private readonly Counter<long> _sends;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _failures;
    private volatile IReadOnlyDictionary<string, long> _depth = new Dictionary<string, long>();

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ConnectorMetrics.MeterName);
        _sends = meter.CreateCounter<long>("teamsengage.outbox.sends", "{message}", "Messages the connector accepted, by tenant.");
        _throttled = meter.CreateCounter<long>("teamsengage.outbox.throttled", "{response}", "429 answers from the connector, by tenant.");
        _retries = meter.CreateCounter<long>("teamsengage.outbox.retries", "{attempt}", "Sends rescheduled after a transient failure, by tenant and status code.");
        _failures = meter.CreateCounter<long>("teamsengage.outbox.failures", "{message}", "Messages given up on for good, by tenant, outcome and reason.");
        meter.CreateObservableGauge("teamsengage.outbox.depth", ObserveDepth, "{message}", "Messages waiting to be sent, by tenant, as last counted in the store.");
    }

    public void Sent(string? tenant) => _sends.Add(1, Tenant(tenant));

    public void Throttled(string? tenant) => _throttled.Add(1, Tenant(tenant));

    public void Retried(string? tenant, int? statusCode) =>
        _retries.Add(1, new TagList { Tenant(tenant), { "http.response.status_code", statusCode ?? 0 } });

    public void Failed(string? tenant, DeliveryStatus status, string? reason) =>
        _failures.Add(1, new TagList { Tenant(tenant), { "outcome", status.ToString() }, { "reason", reason ?? FailureReasons.Error } });

    /// <summary>Replaces the per-tenant depth the gauge reports.</summary>
    public void SetDepth(IReadOnlyDictionary<string, long> depth) => _depth = depth;

    private IEnumerable<Measurement<long>> ObserveDepth() =>
        _depth.Select(d => new Measurement<long>(d.Value, Tenant(d.Key)));

    private static KeyValuePair<string, object?> Tenant(string? tenant) => new(TenantTag, string.IsNullOrEmpty(tenant) ? "none" : tenant);
}
