using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Takes rows from the held work (due retries, then buffered rows, most urgent work first, reading pages as needed)
/// and sends up to MaxConcurrency of them at once; a row due again is put back with its due time.
/// </summary>
internal sealed class OutboxPump : IDisposable
{
    private const int PageSize = 200;

    private readonly OutboxTables _tables;
    private readonly HeldWork _held;
    private readonly OutboxSender _sender;
    private readonly OutboxSignal _signal;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxPump> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly HashSet<Task> _inFlight = [];

    public OutboxPump(OutboxTables tables, HeldWork held, OutboxSender sender, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxPump> logger)
    {
        _tables = tables;
        _held = held;
        _sender = sender;
        _signal = signal;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StartNextAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    OutboxLog.CycleFailed(_logger, ex, _options.ErrorDelay);
                    await Task.Delay(_options.ErrorDelay, _time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Task[] pending;
            lock (_inFlight)
            {
                pending = [.. _inFlight];
            }
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>Waits for a free slot, then starts sending the next row, or waits for work when there is none.</summary>
    private async Task StartNextAsync(CancellationToken stoppingToken)
    {
        // Both wake-ups are taken before looking for work: a signal that comes while we look must end the wait that
        // follows, not be lost until the next poll.
        var wake = _held.WakeTask();
        var written = _signal.Next;
        await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
        var next = await NextAsync(stoppingToken).ConfigureAwait(false);
        if (next is null)
        {
            _slots.Release();
            await WaitForWorkAsync(wake, written, stoppingToken).ConfigureAwait(false);
            return;
        }
        var task = SendAndReleaseAsync(next, stoppingToken);
        lock (_inFlight)
        {
            _inFlight.Add(task);
        }
        _ = task.ContinueWith(t => { lock (_inFlight) { _inFlight.Remove(t); } }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task SendAndReleaseAsync(PendingRow next, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            var outcome = await SendAsync(next, stoppingToken).ConfigureAwait(false);
            lock (_held.Gate)
            {
                next.Item.InFlight--;
                if (outcome.RetryAt is { } due && !next.Item.Lost)
                {
                    next.Item.Retries.Enqueue(next, due);
                }
                else
                {
                    next.Item.Finish(next.Row.RowKey);
                }
            }
            if (outcome.RetryAt is not null)
            {
                _held.Wake();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            lock (_held.Gate)
            {
                next.Item.InFlight--;
                next.Item.Busy.Remove(next.Row.RowKey);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<SendOutcome> SendAsync(PendingRow next, CancellationToken stoppingToken)
    {
        try
        {
            return await _sender.SendAsync(next, () => _held.LeaseUsable(next.Item), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The store failed around the send (reading the header, recording the outcome): try the row again later.
            OutboxLog.CycleFailed(_logger, ex, _options.ErrorDelay);
            return new SendOutcome(_time.GetUtcNow() + _options.ErrorDelay);
        }
    }

    /// <summary>The next row to send: due retries and buffered rows of the most urgent leased work first, reading pages as needed.</summary>
    private async Task<PendingRow?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (row, toLoad) = TakeBuffered();
            if (row is not null || toLoad is null)
            {
                return row;
            }
            await LoadPageAsync(toLoad, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A row ready to go, or else the most urgent work whose next page must be read first.</summary>
    private (PendingRow? Row, WorkItem? ToLoad) TakeBuffered()
    {
        lock (_held.Gate)
        {
            var now = _time.GetUtcNow();
            foreach (var item in _held.Items.Values.OrderBy(i => i.Priority).ThenBy(i => i.PartitionKey, StringComparer.Ordinal))
            {
                if (!_held.LeaseUsable(item))
                {
                    continue;
                }
                if (item.Retries.TryPeek(out var retry, out var due) && due <= now)
                {
                    item.Retries.Dequeue();
                    item.InFlight++;
                    return (retry, null);
                }
                if (item.Buffer.TryDequeue(out var row))
                {
                    item.InFlight++;
                    return (row, null);
                }
                if (!item.ScanDone)
                {
                    return (null, item);
                }
            }
            return (null, null);
        }
    }

    private async Task LoadPageAsync(WorkItem item, CancellationToken cancellationToken)
    {
        long readFrom;
        lock (_held.Gate)
        {
            readFrom = item.Finishes;
        }
        var page = await _tables.Rows.QueryAsync(item.PartitionKey, pageSize: PageSize, continuationToken: item.Continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        lock (_held.Gate)
        {
            foreach (var row in page.Entities)
            {
                if (row.GetString(RowFields.Status) != nameof(DeliveryStatus.Pending))
                {
                    continue;
                }
                // A row in its recipient's quiet hours is not taken: the next scan after its time takes it. A queue is
                // keyed by due time, so every row after a waiting one waits too.
                if (row.GetDateTimeOffset(RowFields.NotBefore) is { } notBefore && notBefore > now)
                {
                    item.Hold(notBefore);
                    if (item.IsQueue)
                    {
                        break;
                    }
                }
                else if (!item.FinishedSince(row.RowKey, readFrom) && item.Busy.Add(row.RowKey))
                {
                    item.Buffer.Enqueue(new PendingRow(item, row));
                }
            }
            var waiting = item.IsQueue && item.HeldUntil is not null;
            item.Continuation = waiting ? null : page.ContinuationToken;
            item.ScanDone = waiting || page.ContinuationToken is null;
            item.Scanned = true;
            item.ForgetFinishedBefore(readFrom);
        }
    }

    private async Task WaitForWorkAsync(Task wake, Task written, CancellationToken cancellationToken)
    {
        var wait = _options.PollInterval;
        lock (_held.Gate)
        {
            var now = _time.GetUtcNow();
            // Work whose lease is too short to start a send is skipped: the lease keeper wakes the pump once it renews.
            foreach (var item in _held.Items.Values.Where(_held.LeaseUsable))
            {
                if (item.Retries.TryPeek(out _, out var due) && due - now < wait)
                {
                    wait = due - now;
                }
            }
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.WhenAny(wake, written, Task.Delay(wait, _time, cancellationToken)).ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
