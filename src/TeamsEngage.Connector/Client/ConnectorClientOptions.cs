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
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The longest <c>Retry-After</c> the pipeline waits out itself. When the connector asks for more, the call fails at once
    /// with <see cref="ConnectorException.RetryAfter"/> set, because waiting less than asked would only be throttled again.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Base of the exponential backoff used when the connector gives no <c>Retry-After</c>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a transient timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (MaxAttempts < 1)
        {
            yield return "Connector:MaxAttempts must be at least 1.";
        }
        if (MaxRetryAfter < TimeSpan.Zero || BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero)
        {
            yield return "Connector delays must not be negative.";
        }
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return "Connector:AttemptTimeout must be positive.";
        }
    }
}
