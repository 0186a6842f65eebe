namespace TeamsEngage.Outbox;

/// <summary>
/// A token bucket per tenant whose waiters are served by priority (then in arrival order), so an interactive message
/// waiting for a token goes before bulk rows already waiting. <see cref="Pause"/> empties the bucket until the time
/// the connector asked for, and not longer: the broadcast slows down, it does not stop.
/// </summary>
internal sealed class TenantRateLimiter
{
    private readonly double _rate;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    /// <summary>Creates the limiter: <paramref name="requestsPerSecond"/> per tenant, at most <paramref name="burst"/> back to back.</summary>
    public TenantRateLimiter(double requestsPerSecond, int burst, TimeProvider time)
    {
        _rate = requestsPerSecond;
        _burst = Math.Max(1, burst);
        _time = time;
    }

    /// <summary>Waits for a token of <paramref name="tenantId"/>'s bucket.</summary>
    public Task AcquireAsync(string tenantId, OutboxPriority priority, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var bucket = BucketOf(tenantId);
            var now = _time.GetUtcNow();
            Refill(bucket, now);
            if (bucket.Waiters.Count == 0 && bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bucket.Waiters.Enqueue(waiter, ((int)priority, _sequence++));
            Arm(bucket, now);
            return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Task;
        }
    }

    // The registration is disposed once the token is granted: a long-lived token would otherwise keep one per send.
    private static async Task WaitAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        await waiter.Task.ConfigureAwait(false);
    }

    /// <summary>Stops granting tokens of <paramref name="tenantId"/> for <paramref name="wait"/> (a 429's Retry-After).</summary>
    public void Pause(string tenantId, TimeSpan wait)
    {
        lock (_gate)
        {
            var bucket = BucketOf(tenantId);
            var now = _time.GetUtcNow();
            var until = now + wait;
            if (until > bucket.PausedUntil)
            {
                bucket.PausedUntil = until;
            }
            bucket.Tokens = 0;
            bucket.RefilledAt = bucket.PausedUntil;
            bucket.Timer?.Dispose();
            bucket.Timer = null;
            Arm(bucket, now);
        }
    }

    /// <summary>When the tenant's bucket is paused until, or null when it is not paused.</summary>
    public DateTimeOffset? PausedUntil(string tenantId)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(tenantId, out var b) && b.PausedUntil > _time.GetUtcNow() ? b.PausedUntil : null;
        }
    }

    private Bucket BucketOf(string tenantId)
    {
        if (!_buckets.TryGetValue(tenantId, out var bucket))
        {
            bucket = new Bucket { Tokens = _burst, RefilledAt = _time.GetUtcNow() };
            _buckets[tenantId] = bucket;
        }
        return bucket;
    }

    private void Refill(Bucket bucket, DateTimeOffset now)
    {
        if (now < bucket.PausedUntil || now <= bucket.RefilledAt)
        {
            return;
        }
        bucket.Tokens = Math.Min(_burst, bucket.Tokens + ((now - bucket.RefilledAt).TotalSeconds * _rate));
        bucket.RefilledAt = now;
    }

    // Called under _gate: one timer per bucket, due when the next token is (or the pause ends).
    private void Arm(Bucket bucket, DateTimeOffset now)
    {
        if (bucket.Timer is not null || bucket.Waiters.Count == 0)
        {
            return;
        }
        var due = now < bucket.PausedUntil
            ? bucket.PausedUntil - now
            : TimeSpan.FromSeconds(Math.Max(0, 1 - bucket.Tokens) / _rate);
        bucket.Timer = _time.CreateTimer(_ => Grant(bucket), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void Grant(Bucket bucket)
    {
        lock (_gate)
        {
            bucket.Timer?.Dispose();
            bucket.Timer = null;
            var now = _time.GetUtcNow();
            Refill(bucket, now);
            while (now >= bucket.PausedUntil && bucket.Tokens >= 1 && bucket.Waiters.TryDequeue(out var waiter, out _))
            {
                if (waiter.TrySetResult())
                {
                    bucket.Tokens -= 1;
                }
            }
            Arm(bucket, now);
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset RefilledAt { get; set; }

        public DateTimeOffset PausedUntil { get; set; }

        public PriorityQueue<TaskCompletionSource, (int Priority, long Sequence)> Waiters { get; } = new();

        public ITimer? Timer { get; set; }
    }
}
