using Microsoft.Data.Sqlite;

namespace TeamsEngage.Storage.Sqlite;

/// <summary>
/// Group commit for one database file: writes that arrive while another group is being committed wait together and are
/// then committed in one transaction, so many writers at once pay for one synced commit between them instead of one
/// each. Each write runs in its own savepoint, in arrival order: a write that fails (a conflict, a missing row, a batch
/// that breaks halfway) is rolled back alone and fails alone, and a later write sees every earlier write of its group.
/// A write's task completes only after its group's commit, so a write reported done is as durable as before; if the
/// commit itself fails, every write of the group fails and none of it was written.
/// </summary>
internal sealed class SqliteWriteQueue(SemaphoreSlim writeLock, Func<CancellationToken, Task<SqliteConnection>> open)
{
    /// <summary>The most writes one transaction takes, so that no group holds the file for long.</summary>
    public const int MaxGroup = 128;

    private readonly Lock _gate = new();
    private readonly Queue<Job> _pending = new();
    private bool _draining;
    private long _groups;
    private long _writes;

    /// <summary>Transactions committed so far.</summary>
    public long GroupsCommitted => Interlocked.Read(ref _groups);

    /// <summary>Writes committed so far.</summary>
    public long WritesCommitted => Interlocked.Read(ref _writes);

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var job = new Job(async (connection, transaction) => await write(connection, transaction).ConfigureAwait(false), cancellationToken);
        bool lead;
        lock (_gate)
        {
            _pending.Enqueue(job);
            lead = !_draining;
            _draining = true;
        }
        if (lead)
        {
            // The drain outlives the caller that started it: it commits everyone's writes, not only this one.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        return (T)(await job.Done.Task.ConfigureAwait(false))!;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            await writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                List<Job> group;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        _draining = false;
                        return;
                    }
                    group = new List<Job>(Math.Min(_pending.Count, MaxGroup));
                    while (_pending.Count > 0 && group.Count < MaxGroup)
                    {
                        group.Add(_pending.Dequeue());
                    }
                }
                await CommitAsync(group).ConfigureAwait(false);
            }
            finally
            {
                writeLock.Release();
            }
        }
    }

    private async Task CommitAsync(List<Job> group)
    {
        List<Outcome> outcomes;
        try
        {
            await using var connection = await open(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            outcomes = await RunEachAsync(group, connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A group that did not commit fails every write in it, which was not written.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            foreach (var job in group)
            {
                job.Done.TrySetException(failure);
            }
            return;
        }
        Interlocked.Increment(ref _groups);
        Interlocked.Add(ref _writes, outcomes.Count(o => o.Error is null));
        foreach (var outcome in outcomes)
        {
            outcome.Complete();
        }
    }

    // Each write in its own savepoint, in order; a write that throws is rolled back to its savepoint and the next goes on.
    private static async Task<List<Outcome>> RunEachAsync(List<Job> group, SqliteConnection connection, SqliteTransaction transaction)
    {
        var outcomes = new List<Outcome>(group.Count);
        for (var index = 0; index < group.Count; index++)
        {
            var job = group[index];
            if (job.CancellationToken.IsCancellationRequested)
            {
                outcomes.Add(new Outcome(job, null, new OperationCanceledException(job.CancellationToken)));
                continue;
            }
            var savepoint = "w" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await transaction.SaveAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
            try
            {
                var result = await job.Run(connection, transaction).ConfigureAwait(false);
                await transaction.ReleaseAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                outcomes.Add(new Outcome(job, result, null));
            }
#pragma warning disable CA1031 // The write's own failure is handed to its caller; the others go on.
            catch (Exception error)
#pragma warning restore CA1031
            {
                await transaction.RollbackAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                await transaction.ReleaseAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                outcomes.Add(new Outcome(job, null, error));
            }
        }
        return outcomes;
    }

    /// <summary>How one write of a committed group ended, handed to its caller only after the commit.</summary>
    private sealed record Outcome(Job Job, object? Result, Exception? Error)
    {
        public void Complete()
        {
            if (Error is OperationCanceledException && Job.CancellationToken.IsCancellationRequested)
            {
                Job.Done.TrySetCanceled(Job.CancellationToken);
            }
            else if (Error is not null)
            {
                Job.Done.TrySetException(Error);
            }
            else
            {
                Job.Done.TrySetResult(Result);
            }
        }
    }

    private sealed class Job(Func<SqliteConnection, SqliteTransaction, Task<object?>> run, CancellationToken cancellationToken)
    {
        public Func<SqliteConnection, SqliteTransaction, Task<object?>> Run { get; } = run;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
