namespace TeamsEngage.Storage;

/// <summary>What a decide function made of the current state: a change to write, nothing to do, or a refusal.</summary>
public readonly record struct Decision<TChange>(TChange? Change, string? Refusal, bool Write);

/// <summary>The three answers of a decide function.</summary>
public static class Decision
{
    /// <summary>Write <paramref name="change"/>, guarded by the ETag of the state it was decided on.</summary>
    public static Decision<TChange> Write<TChange>(TChange change) => new(change, null, true);

    /// <summary>Nothing to write; the current state stands.</summary>
    public static Decision<TChange> Keep<TChange>() => default;

    /// <summary>Refuse, with the sentence (or key) the caller shows.</summary>
    public static Decision<TChange> Refuse<TChange>(string refusal) => new(default, refusal, false);
}

/// <summary>How an optimistic update ended.</summary>
/// <param name="State">The state as stored now (after the write when one happened); null when there is none.</param>
/// <param name="Change">The change that was written, if any.</param>
/// <param name="Refusal">The decide function's refusal, if it refused.</param>
/// <param name="Outcome">Which of the four endings.</param>
public sealed record UpdateResult<TState, TChange>(TState? State, TChange? Change, string? Refusal, UpdateOutcome Outcome)
    where TState : class
{
    /// <summary>True when the change was written.</summary>
    public bool Written => Outcome == UpdateOutcome.Written;
}

/// <summary>The endings of an optimistic update.</summary>
public enum UpdateOutcome
{
    /// <summary>The change was written.</summary>
    Written,
    /// <summary>The decide function had nothing to write.</summary>
    Unchanged,
    /// <summary>The decide function refused.</summary>
    Refused,
    /// <summary>There is nothing to update.</summary>
    NotFound,
    /// <summary>Others kept writing first, every attempt: the caller should say it changed meanwhile.</summary>
    Contended,
}

/// <summary>
/// Read, decide, write with the read ETag; when another writer got there first, read again and decide again, a bounded
/// number of times. The one way TeamsEngage changes a stored thing that several people (or instances) may change at once.
/// </summary>
public static class OptimisticUpdate
{
    /// <summary>Attempts before giving up as <see cref="UpdateOutcome.Contended"/>.</summary>
    public const int DefaultAttempts = 8;

    /// <summary>
    /// Runs the loop. <paramref name="write"/> must write conditionally on the ETag of the state it is given and throw
    /// the store's precondition, not-found or conflict exception (or a batch exception wrapping one) when it lost.
    /// </summary>
    public static async Task<UpdateResult<TState, TChange>> ApplyAsync<TState, TChange>(
        Func<CancellationToken, Task<TState?>> read,
        Func<TState, Decision<TChange>> decide,
        Func<TState, TChange, CancellationToken, Task<TState>> write,
        CancellationToken cancellationToken,
        int maxAttempts = DefaultAttempts)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(write);
        TState? current = null;
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            current = await read(cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return new(null, default, null, UpdateOutcome.NotFound);
            }
            var decision = decide(current);
            if (decision.Refusal is not null)
            {
                return new(current, default, decision.Refusal, UpdateOutcome.Refused);
            }
            if (!decision.Write)
            {
                return new(current, default, null, UpdateOutcome.Unchanged);
            }
            try
            {
                var stored = await write(current, decision.Change!, cancellationToken).ConfigureAwait(false);
                return new(stored, decision.Change, null, UpdateOutcome.Written);
            }
            catch (StoreException e) when (LostTheRace(e))
            {
                // Another writer changed it between our read and our write: decide again on what it is now.
            }
        }
        return new(current, default, null, UpdateOutcome.Contended);
    }

    /// <summary>Whether a store exception means another writer won (as opposed to a fault).</summary>
    public static bool LostTheRace(StoreException exception) => exception switch
    {
        StorePreconditionFailedException or StoreNotFoundException or StoreConflictException => true,
        StoreBatchException { InnerException: StoreException inner } => LostTheRace(inner),
        _ => false,
    };
}
