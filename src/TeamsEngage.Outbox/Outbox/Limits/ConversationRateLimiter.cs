using System.Threading.RateLimiting;

namespace TeamsEngage.Outbox;

/// <summary>
/// Teams' four per-conversation limits (7 messages a second, 8 in 2 seconds, 60 in 30 seconds, 1,800 in an hour),
/// which only matter when one person gets several messages in a row (relayed replies): four sliding windows per
/// conversation, chained. Conversations whose
/// windows are empty again are forgotten, so memory follows the recent send rate, not the size of a broadcast.
/// </summary>
internal sealed class ConversationRateLimiter : IDisposable
{
    private const int PerSecond = 7;
    private const int PerTwoSeconds = 8;
    private const int PerWindow = 60;
    private const int PerHour = 1800;

    // The partitioned limiter moves every sliding window along by one segment per heartbeat (100 ms), however long
    // the segment: so the 1 s window is 11 segments shorter than a heartbeat (a message counts for 1.0 to 1.1 s), and the
    // 30 s window is 31 segments of 1 s (a message counts for at least 31 s). Likewise the 2 s window is 21 heartbeats
    // and the hour 61 segments of a minute: each window a little longer than Teams', never shorter.
    private static readonly TimeSpan ShortSegment = TimeSpan.FromMilliseconds(80);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.CreateChained(
        Windows(PerSecond, ShortSegment, 11),
        Windows(PerTwoSeconds, ShortSegment, 21),
        Windows(PerWindow, TimeSpan.FromSeconds(1), 31),
        Windows(PerHour, TimeSpan.FromMinutes(1), 61));

    /// <summary>Waits until one more message to <paramref name="conversationId"/> keeps within the limits, and counts it.</summary>
    public async Task WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(conversationId, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The conversation's rate limiter refused a permit.");
        }
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>A sliding window of <paramref name="segments"/> segments per conversation, replenished on the shared heartbeat.</summary>
    private static PartitionedRateLimiter<string> Windows(int permits, TimeSpan segment, int segments) =>
        PartitionedRateLimiter.Create<string, string>(
            conversationId => RateLimitPartition.GetSlidingWindowLimiter(conversationId, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = segment * segments,
                SegmentsPerWindow = segments,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                // One shared timer for all conversations, not one each.
                AutoReplenishment = false,
            }),
            StringComparer.Ordinal);
}
