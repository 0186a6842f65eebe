using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// Retry policy of the outbound connector pipeline, bound from the configuration section <c>Connector</c>.
/// Set <see cref="MaxAttempts"/> to 1 to turn retries off, for a caller (such as a durable outbox) that reschedules on its own.
/// </summary>
public sealed class ConnectorClientOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Connector";

    /// <summary>Total attempts per call, the first one included. 1 means no retry.</summary>
    [Range(1, 20, ErrorMessage = "Connector:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The longest <c>Retry-After</c> the pipeline waits out itself. When the connector asks for more, the call fails at once
    /// with <see cref="ConnectorException.RetryAfter"/> set, because waiting less than asked would only be throttled again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Connector:MaxRetryAfter must be between 0 and 1 hour.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Base of the exponential backoff used when the connector gives no <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Connector:BaseDelay must be between 0 and 10 minutes.")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Connector:MaxDelay must be between 0 and 1 hour.")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a transient timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "Connector:AttemptTimeout must be more than 0 and at most 10 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
