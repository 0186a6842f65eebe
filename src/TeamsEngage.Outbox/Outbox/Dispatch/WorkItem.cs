using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>A shard or queue this instance holds the lease of, with the rows it has read and not finished yet.</summary>
internal sealed class WorkItem(string partitionKey, OutboxPriority priority, string? broadcastId)
{
    public string PartitionKey { get; } = partitionKey;

    public OutboxPriority Priority { get; } = priority;

    public string? BroadcastId { get; } = broadcastId;

    public bool IsQueue => BroadcastId is null;

    /// <summary>The work row as last written by us (its ETag proves the lease).</summary>
    public StoreEntity Lease { get; set; } = null!;

    public DateTimeOffset LeaseUntil { get; set; }

    public bool Lost { get; set; }

    public Queue<PendingRow> Buffer { get; } = new();

    /// <summary>Rows due again later (429, transient failure), by due time.</summary>
    public PriorityQueue<PendingRow, DateTimeOffset> Retries { get; } = new();

    /// <summary>Row keys read and not finished, so a rescan does not take them twice.</summary>
    public HashSet<string> Busy { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows recorded as finished, each with its place in <see cref="Finishes"/>, until no page read can predate it.</summary>
    private readonly Dictionary<string, long> _finished = new(StringComparer.Ordinal);

    /// <summary>How many rows have been finished here: a page read notes it when it starts.</summary>
    public long Finishes { get; private set; }

    public int InFlight { get; set; }

    public string? Continuation { get; set; }

    public bool ScanDone { get; set; }

    /// <summary>True once a page of the partition has been read since the lease was taken.</summary>
    public bool Scanned { get; set; }

    /// <summary>True once the lease keeper has seen the broadcast's writing over: no more rows will come.</summary>
    public bool Written { get; set; }

    /// <summary>True once a scan started after the broadcast's writes were over: when it ends, the shard is done.</summary>
    public bool FinalScan { get; set; }

    public BroadcastHeader? Header { get; set; }

    /// <summary>The earliest "not before" of the pending rows the last scan left waiting (quiet hours); null if none.</summary>
    public DateTimeOffset? HeldUntil { get; set; }

    public bool IsIdle => Buffer.Count == 0 && Retries.Count == 0 && InFlight == 0 && ScanDone;

    /// <summary>A row is done and recorded: it leaves <see cref="Busy"/>, and is remembered as finished.</summary>
    public void Finish(string rowKey)
    {
        Busy.Remove(rowKey);
        _finished[rowKey] = ++Finishes;
    }

    /// <summary>
    /// Whether a page read that started at <paramref name="readFrom"/> may show the row from before it was recorded as
    /// finished: such a row still looks pending, and taking it again would send it twice.
    /// </summary>
    public bool FinishedSince(string rowKey, long readFrom) => _finished.TryGetValue(rowKey, out var at) && at > readFrom;

    /// <summary>Forgets the rows finished before a read that started at <paramref name="readFrom"/>: every later read sees them as they are.</summary>
    public void ForgetFinishedBefore(long readFrom)
    {
        foreach (var (rowKey, at) in _finished)
        {
            if (at <= readFrom)
            {
                _finished.Remove(rowKey);
            }
        }
    }

    /// <summary>Reads the partition again from its start at the next chance.</summary>
    public void Rescan()
    {
        ScanDone = false;
        Continuation = null;
        HeldUntil = null;
    }

    /// <summary>Notes a pending row that may not go before <paramref name="notBefore"/>.</summary>
    public void Hold(DateTimeOffset notBefore)
    {
        if (HeldUntil is null || notBefore < HeldUntil)
        {
            HeldUntil = notBefore;
        }
    }
}

/// <summary>What became of one attempt: done (recorded), or due again at <see cref="RetryAt"/>.</summary>
internal readonly record struct SendOutcome(DateTimeOffset? RetryAt)
{
    public static SendOutcome Done => new(null);

    /// <summary>Not sent, and due again as soon as the work's lease is usable again.</summary>
    public static SendOutcome WhenLeaseAllows => new(DateTimeOffset.MinValue);
}

/// <summary>One row on its way: the entity as read (its ETag guards the mark after sending) and its attempts so far.</summary>
internal sealed class PendingRow(WorkItem item, StoreEntity row)
{
    public WorkItem Item { get; } = item;

    public StoreEntity Row { get; set; } = row;

    public int Attempts { get; set; }

    public int Throttles { get; set; }

    public string? TenantId { get; set; }
}
