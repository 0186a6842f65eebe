namespace TeamsEngage.Outbox;

/// <summary>
/// Lets one caller at a time through, and the waiting ones in order of priority (lower first), then of arrival.
/// </summary>
internal sealed class PriorityTurns
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<TaskCompletionSource, (int Priority, long Sequence)> _waiting = new();
    private long _sequence;
    private bool _taken;

    /// <summary>Waits for the turn. The caller must <see cref="Leave"/> once it has it.</summary>
    public Task EnterAsync(int priority, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_taken)
            {
                _taken = true;
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter, (priority, _sequence++));
            return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Task;
        }
    }

    /// <summary>Hands the turn to the most urgent waiter still waiting, or frees it.</summary>
    public void Leave()
    {
        lock (_gate)
        {
            while (_waiting.TryDequeue(out var next, out _))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }
            _taken = false;
        }
    }

    // The registration is disposed once the turn is given: a long-lived token would otherwise keep one per call.
    private static async Task WaitAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        await waiter.Task.ConfigureAwait(false);
    }
}
