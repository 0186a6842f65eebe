using System.Collections.Concurrent;

namespace TeamsEngage.Testing.Connector;

/// <summary>
/// A clock for retry tests: records every delay asked of it, runs each one scaled down by <paramref name="scale"/>
/// (so a 1 s Retry-After takes 10 ms at 0.01), and optionally reports a fixed "now" for HTTP-date arithmetic.
/// Task.Delay rounds to whole milliseconds and creates no timer for less, so waits under 1 ms are not recorded.
/// </summary>
public sealed class RecordingTimeProvider(double scale = 0.01, DateTimeOffset? fixedNow = null) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    /// <summary>The delays asked for, unscaled, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => fixedNow ?? base.GetUtcNow();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            dueTime = TimeSpan.FromTicks((long)(dueTime.Ticks * scale));
        }
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
