using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Drains the outbox. A maintenance loop reads the work index, leases shards and queues (ETag-guarded) and renews the
/// leases; the pump takes rows from the leased work in priority order and sends up to MaxConcurrency at once, each
/// paced by its tenant's token bucket. A row is marked (one conditional write) after its send, so after a crash the
/// next lease holder resends only what was not marked: the messages in flight at the crash.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private const int PageSize = 200;

    private readonly IStoreTable _rows;
    private readonly IStoreTable _work;
    private readonly IStoreTable _broadcasts;
    private readonly OutboxSender _sender;
    private readonly OutboxSignal _signal;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WorkItem> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private TaskCompletionSource _wake = NewSignal();

    public OutboxDispatcher(ITableStore store, OutboxSender sender, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _rows = store.Table(OutboxKeys.RowsTable);
        _work = store.Table(OutboxKeys.WorkTable);
        _broadcasts = store.Table(OutboxKeys.BroadcastsTable);
        _sender = sender;
        _signal = signal;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
    }

    /// <summary>This instance's lease owner id.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        OutboxLog.Started(_logger, InstanceId, _options.RequestsPerSecond, _options.MaxConcurrency);
        await Task.Yield();
        var maintenance = MaintainLoopAsync(stoppingToken);
        var pump = PumpLoopAsync(stoppingToken);
        try
        {
            await Task.WhenAll(maintenance, pump).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ReleaseLeasesAsync().ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    private async Task PumpLoopAsync(CancellationToken stoppingToken)
    {
        var inFlight = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var wake = WakeTask();
                    await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                    var next = await NextAsync(stoppingToken).ConfigureAwait(false);
                    if (next is null)
                    {
                        _slots.Release();
                        await WaitForWorkAsync(wake, stoppingToken).ConfigureAwait(false);
                        continue;
                    }
                    var task = SendAndReleaseAsync(next, stoppingToken);
                    lock (inFlight)
                    {
                        inFlight.Add(task);
                    }
                    _ = task.ContinueWith(t => { lock (inFlight) { inFlight.Remove(t); } }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
            lock (inFlight)
            {
                pending = [.. inFlight];
            }
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    private async Task SendAndReleaseAsync(PendingRow next, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            SendOutcome outcome;
            try
            {
                outcome = await _sender.SendAsync(next, () => LeaseUsable(next.Item), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The store failed around the send (reading the header, recording the outcome): try the row again later.
                OutboxLog.CycleFailed(_logger, ex, _options.ErrorDelay);
                outcome = new SendOutcome(_time.GetUtcNow() + _options.ErrorDelay);
            }
            lock (_gate)
            {
                next.Item.InFlight--;
                if (outcome.RetryAt is { } due && !next.Item.Lost)
                {
                    next.Item.Retries.Enqueue(next, due);
                }
                else
                {
                    next.Item.Busy.Remove(next.Row.RowKey);
                }
            }
            if (outcome.RetryAt is not null)
            {
                Wake();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            lock (_gate)
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

    /// <summary>The next row to send: due retries and buffered rows of the most urgent leased work first, reading pages as needed.</summary>
    private async Task<PendingRow?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            WorkItem? toLoad = null;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                foreach (var item in _held.Values.OrderBy(i => i.Priority).ThenBy(i => i.PartitionKey, StringComparer.Ordinal))
                {
                    if (!LeaseUsable(item))
                    {
                        continue;
                    }
                    if (item.Retries.TryPeek(out var retry, out var due) && due <= now)
                    {
                        item.Retries.Dequeue();
                        item.InFlight++;
                        return retry;
                    }
                    if (item.Buffer.TryDequeue(out var row))
                    {
                        item.InFlight++;
                        return row;
                    }
                    if (!item.ScanDone)
                    {
                        toLoad = item;
                        break;
                    }
                }
            }
            if (toLoad is null)
            {
                return null;
            }
            await LoadPageAsync(toLoad, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LoadPageAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var page = await _rows.QueryAsync(item.PartitionKey, pageSize: PageSize, continuationToken: item.Continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var row in page.Entities)
            {
                if (row.GetString(RowFields.Status) == nameof(DeliveryStatus.Pending) && item.Busy.Add(row.RowKey))
                {
                    item.Buffer.Enqueue(new PendingRow(item, row));
                }
            }
            item.Continuation = page.ContinuationToken;
            item.ScanDone = page.ContinuationToken is null;
        }
    }

    private async Task WaitForWorkAsync(Task wake, CancellationToken cancellationToken)
    {
        var wait = _options.PollInterval;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var item in _held.Values)
            {
                if (item.Retries.TryPeek(out _, out var due) && due - now < wait)
                {
                    wait = due - now;
                }
            }
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.WhenAny(wake, _signal.Next, Task.Delay(wait, _time, cancellationToken)).ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    // A row may start only while the lease will outlast its send, so a next holder never overlaps it.
    private bool LeaseUsable(WorkItem item) => !item.Lost && _time.GetUtcNow() + _options.SendTimeout < item.LeaseUntil;

    private Task WakeTask()
    {
        lock (_gate)
        {
            return _wake.Task;
        }
    }

    private void Wake()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _wake;
            _wake = NewSignal();
        }
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
