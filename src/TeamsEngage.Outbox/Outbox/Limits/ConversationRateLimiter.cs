namespace TeamsEngage.Outbox;

/// <summary>
/// Teams' per-conversation limits (7 messages a second, 60 in 30 seconds), which only matter when one person gets
/// several messages in a row (relayed replies). Conversations idle for 30 s are forgotten, so memory follows the
/// recent send rate, not the size of a broadcast.
/// </summary>
internal sealed class ConversationRateLimiter(TimeProvider time)
{
    private const int PerSecond = 7;
    private const int PerWindow = 60;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _sinceCleanup;

    /// <summary>Waits until one more message to <paramref name="conversationId"/> keeps within the limits, and counts it.</summary>
    public async Task WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                CleanupIfDue(now);
                if (!_recent.TryGetValue(conversationId, out var stamps))
                {
                    stamps = new Queue<DateTimeOffset>();
                    _recent[conversationId] = stamps;
                }
                while (stamps.Count > 0 && now - stamps.Peek() >= Window)
                {
                    stamps.Dequeue();
                }
                wait = WaitFor(stamps, now);
                if (wait <= TimeSpan.Zero)
                {
                    stamps.Enqueue(now);
                    return;
                }
            }
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan WaitFor(Queue<DateTimeOffset> stamps, DateTimeOffset now)
    {
        var wait = TimeSpan.Zero;
        if (stamps.Count >= PerWindow)
        {
            wait = stamps.Peek() + Window - now;
        }
        if (stamps.Count >= PerSecond)
        {
            var inLastSecond = stamps.Where(s => now - s < TimeSpan.FromSeconds(1)).ToList();
            if (inLastSecond.Count >= PerSecond)
            {
                var secondWait = inLastSecond[^PerSecond] + TimeSpan.FromSeconds(1) - now;
                wait = secondWait > wait ? secondWait : wait;
            }
        }
        return wait;
    }

    private void CleanupIfDue(DateTimeOffset now)
    {
        if (++_sinceCleanup < 1024)
        {
            return;
        }
        _sinceCleanup = 0;
        foreach (var (conversation, stamps) in _recent.Where(p => p.Value.Count == 0 || now - p.Value.Last() >= Window).ToList())
        {
            _recent.Remove(conversation);
        }
    }
}
