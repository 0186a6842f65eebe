using Microsoft.Extensions.Options;

namespace TeamsEngage.Outbox;

/// <summary>The outbox dispatcher's settings, section <c>TeamsEngage:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "TeamsEngage:Outbox";

    /// <summary>Connector requests per second per tenant (Teams allows about 50 per bot and tenant).</summary>
    public double RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests that may go out back to back after an idle moment; 0 means a tenth of a second's worth.</summary>
    public int Burst { get; set; }

    /// <summary>Sends in flight at once, so the rate is reachable when the connector answers slowly.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Partitions a broadcast's rows are spread over, so several instances can share one broadcast.</summary>
    public int ShardsPerBroadcast { get; set; } = 16;

    /// <summary>Broadcast shards one instance leases at a time (queues of single messages are not counted).</summary>
    public int MaxShardsPerInstance { get; set; } = 16;

    /// <summary>How long a lease on a shard or queue lasts without renewal; a crashed instance's work resumes after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the work index is read for new work and leases are renewed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one connector call may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per message on transient failures (5xx, network) before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Base of the exponential backoff between attempts.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff between attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>429 answers one message may get before it is recorded as failed.</summary>
    public int MaxThrottles { get; set; } = 50;

    /// <summary>The wait after an unexpected error in a dispatcher cycle.</summary>
    public TimeSpan ErrorDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A broadcast whose writing has not finished after this long is treated as written (its writer crashed).</summary>
    public TimeSpan AbandonedWriteAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>People a queued broadcast's writer resolves and writes between two records of its cursor.</summary>
    public int WriteBatchSize { get; set; } = 500;

    /// <summary>How often the pending messages are counted for the depth gauge.</summary>
    public TimeSpan DepthSampleInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal int EffectiveBurst => Burst > 0 ? Burst : Math.Max(1, (int)Math.Ceiling(RequestsPerSecond / 10));
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.RequestsPerSecond is <= 0 or > 100_000)
        {
            failures.Add("TeamsEngage:Outbox:RequestsPerSecond must be between 0 (excluded) and 100000.");
        }
        if (options.Burst < 0 || options.MaxConcurrency < 1 || options.MaxAttempts < 1 || options.MaxThrottles < 1)
        {
            failures.Add("TeamsEngage:Outbox: Burst must not be negative; MaxConcurrency, MaxAttempts and MaxThrottles must be at least 1.");
        }
        if (options.WriteBatchSize is < 1 or > 10_000)
        {
            failures.Add("TeamsEngage:Outbox:WriteBatchSize must be 1 to 10000.");
        }
        if (options.ShardsPerBroadcast is < 1 or > 99 || options.MaxShardsPerInstance < 1)
        {
            failures.Add("TeamsEngage:Outbox:ShardsPerBroadcast must be 1 to 99 and MaxShardsPerInstance at least 1.");
        }
        if (options.PollInterval <= TimeSpan.Zero || options.SendTimeout <= TimeSpan.Zero || options.ErrorDelay < TimeSpan.Zero
            || options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay || options.AbandonedWriteAfter <= TimeSpan.Zero
            || options.DepthSampleInterval <= TimeSpan.Zero)
        {
            failures.Add("TeamsEngage:Outbox: intervals must be positive and RetryMaxDelay at least RetryBaseDelay.");
        }
        // A lease must outlive a send by a wide margin, or a slow send could overlap the next holder's.
        if (options.LeaseDuration < (options.SendTimeout * 2) + options.PollInterval)
        {
            failures.Add("TeamsEngage:Outbox:LeaseDuration must be at least twice SendTimeout plus PollInterval.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
