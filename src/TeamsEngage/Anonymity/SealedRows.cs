using TeamsEngage.Storage;

namespace TeamsEngage.Anonymity;

/// <summary>
/// What closing does to a partition of anonymous answers: every keyed row is rewritten under a random key (insert and
/// delete in one batch, so a crash leaves each answer exactly once), which also gives them all one timestamp. The
/// caller then deletes the secret and calls <see cref="ITableStore.ForgetDeletedAsync"/> so no freed page keeps a key.
/// </summary>
public static class SealedRows
{
    /// <summary>Re-keys every keyed row of the partition at random; returns how many. Safe to repeat.</summary>
    public static async Task<int> SealAsync(IStoreTable table, string partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var keyed = new List<StoreEntity>();
        await foreach (var row in table.QueryAllAsync(partition, VoterKeys.KeyedPrefix, VoterKeys.KeyedEnd, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keyed.Add(row);
        }
        foreach (var chunk in keyed.Chunk(50))
        {
            var batch = chunk.SelectMany(row => new[]
            {
                new BatchOperation(BatchOperationKind.Insert, new StoreEntity(partition, VoterKeys.Sealed(), row.Properties)),
                new BatchOperation(BatchOperationKind.Delete, row with { ETag = null }),
            }).ToList();
            await table.SubmitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        return keyed.Count;
    }

    /// <summary>
    /// The row range to count: once sealed only the sealed rows, so an answer that raced closing on another instance never
    /// changes results already shown; before, every row.
    /// </summary>
    public static (string? From, string? To) Counted(bool anonymousAndClosed) =>
        anonymousAndClosed ? (VoterKeys.SealedPrefix, VoterKeys.SealedEnd) : (null, null);
}
