using Microsoft.Extensions.Options;

namespace TeamsEngage.Outbox;

/// <summary>
/// The shards and queues this instance holds the lease of, shared by the lease keeper (which adds, renews and drops
/// them) and the pump (which takes rows from them). Everything in it is read and changed under <see cref="Gate"/>.
/// </summary>
internal sealed class HeldWork(IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly TimeSpan _sendTimeout = options.Value.SendTimeout;
    private TaskCompletionSource _wake = NewSignal();

    public Lock Gate { get; } = new();

    /// <summary>This instance's lease owner id.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The held work by partition; use under <see cref="Gate"/>.</summary>
    public Dictionary<string, WorkItem> Items { get; } = new(StringComparer.Ordinal);

    // A row may start only while the lease will outlast its send, so a next holder never overlaps it.
    public bool LeaseUsable(WorkItem item) => !item.Lost && time.GetUtcNow() + _sendTimeout < item.LeaseUntil;

    public WorkItem? Find(string partition)
    {
        lock (Gate)
        {
            return Items.GetValueOrDefault(partition);
        }
    }

    public void Add(WorkItem item)
    {
        lock (Gate)
        {
            Items[item.PartitionKey] = item;
        }
    }

    /// <summary>Forgets work whose lease is gone: nothing more of it starts here.</summary>
    public void Drop(WorkItem item)
    {
        lock (Gate)
        {
            item.Lost = true;
            item.Buffer.Clear();
            item.Retries.Clear();
            Items.Remove(item.PartitionKey);
        }
    }

    /// <summary>Takes every held item out, for giving the leases back on stop.</summary>
    public List<WorkItem> TakeAll()
    {
        lock (Gate)
        {
            List<WorkItem> all = [.. Items.Values];
            Items.Clear();
            return all;
        }
    }

    /// <summary>A task completed by the next <see cref="Wake"/>.</summary>
    public Task WakeTask()
    {
        lock (Gate)
        {
            return _wake.Task;
        }
    }

    /// <summary>Tells the pump that work or a retry became available.</summary>
    public void Wake()
    {
        TaskCompletionSource previous;
        lock (Gate)
        {
            previous = _wake;
            _wake = NewSignal();
        }
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
