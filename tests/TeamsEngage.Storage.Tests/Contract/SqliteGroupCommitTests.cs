using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Contract;

/// <summary>
/// The embedded store's group commit: writes that wait together are committed in one transaction, each in its own
/// savepoint, so one write's failure or cancellation touches no other write of its group.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task TwentyWritesThatArriveWhileTheFileIsBusyAreCommittedInOneTransaction()
    {
        using var store = await OpenAsync();
        var table = store.Table("rows");
        var before = store.Writes.GroupsCommitted;

        var writes = await WhileBusyAsync(store, () => Enumerable.Range(0, 20).Select(i => table.InsertAsync(Row("r" + i, i))).ToList());

        await Task.WhenAll(writes);
        Assert.Equal(before + 1, store.Writes.GroupsCommitted);
        Assert.Equal(20, (await table.QueryAsync("p")).Entities.Count);
    }

    [Fact]
    public async Task AConflictInAGroupFailsThatWriteAloneAndEveryOtherWriteOfTheGroupIsKept()
    {
        using var store = await OpenAsync();
        var table = store.Table("rows");
        await table.InsertAsync(Row("taken", 1));

        var writes = await WhileBusyAsync(store, () => [table.InsertAsync(Row("a", 2)), table.InsertAsync(Row("taken", 3)), table.InsertAsync(Row("b", 4))]);

        await writes[0];
        await Assert.ThrowsAsync<StoreConflictException>(() => writes[1]);
        await writes[2];
        Assert.Equal(1L, (await table.GetAsync("p", "taken"))!.Properties["N"]);
        Assert.NotNull(await table.GetAsync("p", "a"));
        Assert.NotNull(await table.GetAsync("p", "b"));
    }

    [Fact]
    public async Task ABatchThatBreaksHalfwayInAGroupLeavesNothingOfItselfWhileTheWritesAroundItAreKept()
    {
        using var store = await OpenAsync();
        var table = store.Table("rows");
        await table.InsertAsync(Row("taken", 1));

        var writes = await WhileBusyAsync(store, () =>
        [
            table.InsertAsync(Row("before", 2)),
            table.SubmitBatchAsync([new(BatchOperationKind.Insert, Row("half", 3)), new(BatchOperationKind.Insert, Row("taken", 4))]),
            table.InsertAsync(Row("after", 5)),
        ]);

        await writes[0];
        var failure = await Assert.ThrowsAsync<StoreBatchException>(() => writes[1]);
        await writes[2];
        Assert.Equal(1, failure.FailedIndex);
        Assert.Null(await table.GetAsync("p", "half"));
        Assert.Equal(1L, (await table.GetAsync("p", "taken"))!.Properties["N"]);
        Assert.NotNull(await table.GetAsync("p", "before"));
        Assert.NotNull(await table.GetAsync("p", "after"));
    }

    [Fact]
    public async Task AWriteSeesTheWritesBeforeItInItsGroup()
    {
        using var store = await OpenAsync();
        var table = store.Table("rows");

        var writes = await WhileBusyAsync(store, () => [table.InsertAsync(Row("x", 1)), table.InsertAsync(Row("x", 2)), table.DeleteAsync("p", "x", eTag: null)]);

        await writes[0];
        await Assert.ThrowsAsync<StoreConflictException>(() => writes[1]);
        await writes[2];
        Assert.Null(await table.GetAsync("p", "x"));
    }

    [Fact]
    public async Task AWriteCancelledWhileItWaitsIsNotWrittenAndTheOthersAre()
    {
        using var store = await OpenAsync();
        var table = store.Table("rows");
        using var cancel = new CancellationTokenSource();

        var writes = await WhileBusyAsync(store, () =>
        {
            var list = new List<Task> { table.InsertAsync(Row("kept", 1)), table.InsertAsync(Row("dropped", 2), cancel.Token) };
            cancel.Cancel();
            return list;
        });

        await writes[0];
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writes[1]);
        Assert.NotNull(await table.GetAsync("p", "kept"));
        Assert.Null(await table.GetAsync("p", "dropped"));
    }

    [Fact]
    public async Task EveryOneOfAThousandWritesFromFiftyWritersAtOnceIsStoredOnceAndTheyShareFarFewerCommits()
    {
        using var store = await OpenAsync();
        var table = store.Table("rows");
        var before = store.Writes.GroupsCommitted;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await table.UpsertAsync(Row($"w{writer:D2}-{i:D2}", i));
            }
        })));

        var stored = new List<StoreEntity>();
        string? token = null;
        do
        {
            var page = await table.QueryAsync("p", continuationToken: token);
            stored.AddRange(page.Entities);
            token = page.ContinuationToken;
        }
        while (token is not null);
        Assert.Equal(1000, stored.Select(e => e.RowKey).Distinct().Count());
        Assert.True(store.Writes.GroupsCommitted - before < 1000, $"{store.Writes.GroupsCommitted - before} commits for 1000 writes");
    }

    private async Task<SqliteTableStore> OpenAsync()
    {
        var store = new SqliteTableStore(Path.Combine(directory.Path, "data-" + Guid.NewGuid().ToString("N")));
        await store.InitializeAsync(["rows"]);
        return store;
    }

    // Holds the file's write lock while the writes are started, so they wait together and form one group.
    private static async Task<IReadOnlyList<Task>> WhileBusyAsync(SqliteTableStore store, Func<IReadOnlyList<Task>> start)
    {
        await store.WriteLock.WaitAsync();
        IReadOnlyList<Task> writes;
        try
        {
            writes = start();
            await Task.Delay(50);
            Assert.All(writes, w => Assert.False(w.IsCompleted && !w.IsCanceled, "a write finished while the file was busy"));
        }
        finally
        {
            store.WriteLock.Release();
        }
        return writes;
    }

    private static StoreEntity Row(string rowKey, long n) => new("p", rowKey, new Dictionary<string, object?> { ["N"] = n });
}
