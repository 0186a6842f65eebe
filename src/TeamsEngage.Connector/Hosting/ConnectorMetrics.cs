using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Hosting;

/// <summary>
/// The connector layer's instruments, on the service's one <see cref="Meter"/>. Attributes hold only fixed names
/// (activity types, invoke names, refusal reasons, status codes): never an id, a name or text from an activity.
/// </summary>
public sealed class ConnectorMetrics
{
    /// <summary>The name of the service's meter, shared by every project's instruments.</summary>
    public const string MeterName = "TeamsEngage";

    private static readonly string[] KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.MessageReaction, ActivityTypes.Event, ActivityTypes.Typing,
    ];

    private static readonly string[] KnownInvokes = [InvokeNames.AdaptiveCardAction, InvokeNames.TaskFetch, InvokeNames.TaskSubmit];

    private readonly Counter<long> _activities;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _invokeDuration;

    /// <summary>Creates the instruments on the meter <see cref="MeterName"/> of <paramref name="meters"/>.</summary>
    public ConnectorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _activities = meter.CreateCounter<long>("teamsengage.inbound.activities", "{activity}", "Authenticated activities received, by type.");
        _refused = meter.CreateCounter<long>("teamsengage.inbound.refused_tokens", "{request}", "Inbound requests refused by authentication, by reason.");
        _invokeDuration = meter.CreateHistogram<double>("teamsengage.invoke.duration", "s", "Time to answer an invoke, by invoke name and status.");
    }

    internal void ActivityReceived(string? type) =>
        _activities.Add(1, new KeyValuePair<string, object?>("activity.type", Known(type, KnownTypes)));

    internal void TokenRefused(AuthFailureReason reason) =>
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    internal void InvokeAnswered(string? name, int status, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "invoke.name", Known(name, KnownInvokes) },
            { "http.response.status_code", status },
        };
        _invokeDuration.Record(elapsed.TotalSeconds, tags);
    }

    // The channel decides these strings: anything unexpected is counted, but under one name, so a caller cannot
    // put arbitrary text into telemetry or blow up its cardinality.
    private static string Known(string? value, string[] known) =>
        known.FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase)) ?? "other";
}
