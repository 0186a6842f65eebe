using System.Threading.RateLimiting;

namespace TeamsEngage.Outbox;

/// <summary>
/// A token bucket per tenant (<see cref="TokenBucketRateLimiter"/>) whose waiters are served by priority (then in arrival
/// order), so an interactive message waiting for a token goes before bulk rows already waiting. <see cref="Pause"/>
/// holds every waiter until the time the connector asked for, and not longer, and then starts from an empty bucket:
/// the broadcast slows down, it does not stop.
/// </summary>
internal sealed class TenantRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiterOptions _bucket;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates the limiter: <paramref name="requestsPerSecond"/> per tenant, at most <paramref name="burst"/> back to back.</summary>
    public TenantRateLimiter(double requestsPerSecond, int burst, TimeProvider time)
    {
        // The bucket adds a whole burst per tick, a tick being a burst's worth of time (a tenth of a second by default):
        // it counts ticks, not elapsed time, so fewer, larger ticks lose less of the rate to timer lag.
        var tokens = Math.Max(1, burst);
        _bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / requestsPerSecond),
            QueueLimit = 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
        _time = time;
    }

    /// <summary>Waits for a token of <paramref name="tenantId"/>'s bucket.</summary>
    public async Task AcquireAsync(string tenantId, OutboxPriority priority, CancellationToken cancellationToken)
    {
        var tenant = TenantOf(tenantId);
        // One waiter at a time takes from the bucket, chosen by priority: the bucket's own queue knows no priorities.
        await tenant.Turns.EnterAsync((int)priority, cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitOutPauseAsync(tenant, cancellationToken).ConfigureAwait(false);
            using var lease = await tenant.Bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException("The tenant's token bucket refused a token.");
            }
            // A pause that came while this waiter held the turn applies to it too.
            await WaitOutPauseAsync(tenant, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            tenant.Turns.Leave();
        }
    }

    /// <summary>Stops granting tokens of <paramref name="tenantId"/> for <paramref name="wait"/> (a 429's Retry-After).</summary>
    public void Pause(string tenantId, TimeSpan wait)
    {
        var tenant = TenantOf(tenantId);
        var until = _time.GetUtcNow() + wait;
        lock (_gate)
        {
            if (until > tenant.PausedUntil)
            {
                tenant.PausedUntil = until;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var tenant in _tenants.Values)
            {
                tenant.Bucket.Dispose();
            }
            _tenants.Clear();
        }
    }

    private Tenant TenantOf(string tenantId)
    {
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var tenant))
            {
                tenant = new Tenant(new TokenBucketRateLimiter(_bucket));
                _tenants[tenantId] = tenant;
            }
            return tenant;
        }
    }

    /// <summary>Waits until the tenant's pause is over; after one, what the bucket gathered meanwhile is thrown away.</summary>
    private async Task WaitOutPauseAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var waited = false;
        while (true)
        {
            TimeSpan left;
            lock (_gate)
            {
                left = tenant.PausedUntil - _time.GetUtcNow();
            }
            if (left <= TimeSpan.Zero)
            {
                break;
            }
            waited = true;
            await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
        }
        if (waited && tenant.Bucket.GetStatistics()?.CurrentAvailablePermits is > 0 and var gathered)
        {
            tenant.Bucket.AttemptAcquire((int)gathered).Dispose();
        }
    }

    private sealed class Tenant(TokenBucketRateLimiter bucket)
    {
        public TokenBucketRateLimiter Bucket { get; } = bucket;

        public PriorityTurns Turns { get; } = new();

        public DateTimeOffset PausedUntil { get; set; }
    }
}
