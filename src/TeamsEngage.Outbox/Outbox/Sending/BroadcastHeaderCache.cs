using System.Collections.Concurrent;

namespace TeamsEngage.Outbox;

/// <summary>
/// Broadcast headers as the sender sees them: one read per broadcast per second for all its shards, so a cancel stops
/// the rest within that time without a store read per row.
/// </summary>
internal sealed class BroadcastHeaderCache(OutboxTables tables, TimeProvider time)
{
    private const int TrimAbove = 1000;
    /// <summary>How old a header handed out may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (BroadcastHeader? Header, DateTimeOffset ReadAt)> _headers = new(StringComparer.Ordinal);

    /// <summary>How many broadcasts' headers are held now: past a thousand, those older than a second are let go.</summary>
    public int Count => _headers.Count;

    public async Task<BroadcastHeader?> GetAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var broadcastId = item.BroadcastId!;
        var now = time.GetUtcNow();
        if (_headers.TryGetValue(broadcastId, out var cached) && now - cached.ReadAt < MaxAge)
        {
            return cached.Header ?? item.Header;
        }
        return await ReadFreshAsync(item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The header as stored now (for a row that waited: a cancel may have come meanwhile), cached for the others.</summary>
    public async Task<BroadcastHeader?> ReadFreshAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var broadcastId = item.BroadcastId!;
        var now = time.GetUtcNow();
        var header = await tables.ReadHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false) ?? item.Header;
        _headers[broadcastId] = (header, now);
        if (_headers.Count > TrimAbove)
        {
            foreach (var old in _headers.Where(p => now - p.Value.ReadAt > MaxAge).Select(p => p.Key).ToList())
            {
                _headers.TryRemove(old, out _);
            }
        }
        return header;
    }
}
