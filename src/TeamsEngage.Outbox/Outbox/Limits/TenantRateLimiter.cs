namespace TeamsEngage.Outbox;

/// <summary>
/// Paces each tenant's sends at this instance's share of <c>RequestsPerSecond</c>, at most <c>burst</c> back to back
/// (a virtual-schedule limiter: each token is due one interval after the previous one, and a waiter may run up to a
/// burst ahead of schedule). Waiters are served by priority (then in arrival order), so an interactive message waiting
/// for a token goes before bulk rows already waiting. <see cref="Share"/> changes when instances join or leave (see
/// <see cref="RateShares"/>) and takes effect at the next token. <see cref="Pause"/> holds every waiter until the time
/// the connector asked for, and not longer, and then starts from an empty bucket: the broadcast slows down, it does
/// not stop.
/// </summary>
internal sealed class TenantRateLimiter : IDisposable
{
    // While this instance has no share yet (it has just joined), waiters look again this often.
    private static readonly TimeSpan NoShareRecheck = TimeSpan.FromMilliseconds(50);

    private readonly double _requestsPerSecond;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private double _share = 1;

    /// <summary>Creates the limiter: <paramref name="requestsPerSecond"/> per tenant, at most <paramref name="burst"/> back to back.</summary>
    public TenantRateLimiter(double requestsPerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        _requestsPerSecond = requestsPerSecond;
        _burst = Math.Max(1, burst);
        _time = time;
    }

    /// <summary>This instance's part of every tenant's rate, from 0 (none yet) to 1 (the whole rate).</summary>
    public double Share
    {
        get
        {
            lock (_gate)
            {
                return _share;
            }
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1);
            lock (_gate)
            {
                _share = value;
            }
        }
    }

    /// <summary>Waits for a token of <paramref name="tenantId"/>'s rate.</summary>
    public async Task AcquireAsync(string tenantId, OutboxPriority priority, CancellationToken cancellationToken)
    {
        var tenant = TenantOf(tenantId);
        // One waiter at a time takes a token, chosen by priority.
        await tenant.Turns.EnterAsync((int)priority, cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitOutPauseAsync(tenant, cancellationToken).ConfigureAwait(false);
            while (TryTake(tenant) is { } wait)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            // A pause that came while this waiter held the turn applies to it too.
            await WaitOutPauseAsync(tenant, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            tenant.Turns.Leave();
        }
    }

    /// <summary>Stops granting tokens of <paramref name="tenantId"/> until <paramref name="until"/> (a 429's Retry-After).</summary>
    public void PauseUntil(string tenantId, DateTimeOffset until)
    {
        var tenant = TenantOf(tenantId);
        lock (_gate)
        {
            if (until > tenant.PausedUntil)
            {
                tenant.PausedUntil = until;
            }
        }
    }

    /// <summary>Stops granting tokens of <paramref name="tenantId"/> for <paramref name="wait"/> (a 429's Retry-After).</summary>
    public void Pause(string tenantId, TimeSpan wait) => PauseUntil(tenantId, _time.GetUtcNow() + wait);

    public void Dispose()
    {
        lock (_gate)
        {
            _tenants.Clear();
        }
    }

    /// <summary>Takes a token when one is due and returns null; else how long to wait before asking again.</summary>
    private TimeSpan? TryTake(Tenant tenant)
    {
        lock (_gate)
        {
            if (_share <= 0)
            {
                return NoShareRecheck;
            }
            var interval = TimeSpan.FromSeconds(1 / (_requestsPerSecond * _share));
            var now = _time.GetUtcNow();
            // A waiter may run up to a burst ahead of the schedule (written so that a fresh schedule never underflows).
            var ahead = interval * (_burst - 1);
            if (tenant.NextDue > now + ahead)
            {
                return tenant.NextDue - ahead - now;
            }
            tenant.NextDue = (tenant.NextDue > now ? tenant.NextDue : now) + interval;
            return null;
        }
    }

    private Tenant TenantOf(string tenantId)
    {
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var tenant))
            {
                tenant = new Tenant();
                _tenants[tenantId] = tenant;
            }
            return tenant;
        }
    }

    /// <summary>Waits until the tenant's pause is over; after one, the schedule starts afresh with no burst saved up.</summary>
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
        if (waited)
        {
            lock (_gate)
            {
                // Without a share yet there is no schedule to empty: the first token waits for the share anyway.
                var now = _time.GetUtcNow();
                var emptied = _share > 0 ? now + (TimeSpan.FromSeconds(1 / (_requestsPerSecond * _share)) * (_burst - 1)) : now;
                tenant.NextDue = tenant.NextDue > emptied ? tenant.NextDue : emptied;
            }
        }
    }

    private sealed class Tenant
    {
        public PriorityTurns Turns { get; } = new();

        public DateTimeOffset PausedUntil { get; set; }

        /// <summary>When the next token is due on the schedule; up to a burst of tokens may be taken before it.</summary>
        public DateTimeOffset NextDue { get; set; }
    }
}
