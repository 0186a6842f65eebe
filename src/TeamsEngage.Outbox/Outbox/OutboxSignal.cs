namespace TeamsEngage.Outbox;

/// <summary>Wakes this instance's dispatcher when work is written here, so it does not wait for the next poll.</summary>
internal sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signals that new work was written.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>A task completed by the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;
}
