namespace TeamsEngage.Storage.Tests.Contract;

public abstract partial class TableStoreContractTests
{
    private static BatchOperation Op(BatchOperationKind kind, StoreEntity entity) => new(kind, entity);

    [Fact]
    public async Task BatchAppliesEveryKindOfOperationAndReturnsNewETagsInOrder()
    {
        var toUpdate = await Table.InsertAsync(Entity("p", "u", ("V", 1)));
        await Table.InsertAsync(Entity("p", "d"));

        var results = await Table.SubmitBatchAsync(
        [
            Op(BatchOperationKind.Insert, Entity("p", "i", ("V", 1))),
            Op(BatchOperationKind.Upsert, Entity("p", "s", ("V", 1))),
            Op(BatchOperationKind.Update, toUpdate with { Properties = new Dictionary<string, object?> { ["V"] = 2 } }),
            Op(BatchOperationKind.Delete, Entity("p", "d")),
        ]);

        Assert.Equal(4, results.Count);
        Assert.Equal(["i", "s", "u"], results.Take(3).Select(r => r!.RowKey));
        Assert.Null(results[3]);
        Assert.Equal(results[0]!.ETag, (await Table.GetAsync("p", "i"))!.ETag);
        Assert.Equal(results[1]!.ETag, (await Table.GetAsync("p", "s"))!.ETag);
        var updated = (await Table.GetAsync("p", "u"))!;
        Assert.Equal(results[2]!.ETag, updated.ETag);
        Assert.NotEqual(toUpdate.ETag, updated.ETag);
        Assert.Equal(2, updated.GetInt32("V"));
        Assert.Null(await Table.GetAsync("p", "d"));
    }

    [Fact]
    public async Task BatchIsAtomicAndNamesTheFailingOperation()
    {
        var existing = await Table.InsertAsync(Entity("p", "c", ("V", "original")));

        var failure = await Assert.ThrowsAsync<StoreBatchException>(() => Table.SubmitBatchAsync(
        [
            Op(BatchOperationKind.Insert, Entity("p", "a")),
            Op(BatchOperationKind.Upsert, Entity("p", "b")),
            Op(BatchOperationKind.Insert, Entity("p", "c", ("V", "overwritten"))),
            Op(BatchOperationKind.Insert, Entity("p", "d")),
        ]));

        Assert.Equal(2, failure.FailedIndex);
        Assert.IsType<StoreConflictException>(failure.InnerException);
        var remaining = await Table.QueryAsync("p");
        var only = Assert.Single(remaining.Entities);
        Assert.Equal(existing.ETag, only.ETag);
        Assert.Equal("original", only.GetString("V"));
    }

    [Fact]
    public async Task BatchWithAStaleETagFailsItsPreconditionAndWritesNothing()
    {
        var stale = await Table.InsertAsync(Entity("p", "r", ("V", 1)));
        await Table.UpsertAsync(Entity("p", "r", ("V", 2)));

        var failure = await Assert.ThrowsAsync<StoreBatchException>(() => Table.SubmitBatchAsync(
        [
            Op(BatchOperationKind.Insert, Entity("p", "new")),
            Op(BatchOperationKind.Update, stale with { Properties = new Dictionary<string, object?> { ["V"] = 3 } }),
        ]));

        Assert.Equal(1, failure.FailedIndex);
        Assert.IsType<StorePreconditionFailedException>(failure.InnerException);
        Assert.Null(await Table.GetAsync("p", "new"));
        Assert.Equal(2, (await Table.GetAsync("p", "r"))!.GetInt32("V"));
    }

    [Fact]
    public async Task BatchDeletingAMissingEntityIsNotFound()
    {
        var failure = await Assert.ThrowsAsync<StoreBatchException>(() => Table.SubmitBatchAsync(
        [
            Op(BatchOperationKind.Insert, Entity("p", "a")),
            Op(BatchOperationKind.Delete, Entity("p", "missing")),
        ]));

        Assert.Equal(1, failure.FailedIndex);
        Assert.IsType<StoreNotFoundException>(failure.InnerException);
        Assert.Null(await Table.GetAsync("p", "a"));
    }

    [Fact]
    public async Task BatchOfExactlyOneHundredOperationsSucceeds()
    {
        var operations = Enumerable.Range(0, 100).Select(i => Op(BatchOperationKind.Insert, Entity("p", $"r{i:D3}", ("I", i)))).ToList();

        var results = await Table.SubmitBatchAsync(operations);

        Assert.Equal(100, results.Count);
        Assert.Equal(100, await CountAsync("p"));
    }

    [Fact]
    public async Task BatchOfMoreThanOneHundredOperationsIsRefused()
    {
        var operations = Enumerable.Range(0, 101).Select(i => Op(BatchOperationKind.Insert, Entity("p", $"r{i:D3}"))).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitBatchAsync(operations));

        Assert.Equal(0, await CountAsync("p"));
    }

    [Fact]
    public async Task BatchAcrossPartitionsIsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitBatchAsync(
        [
            Op(BatchOperationKind.Insert, Entity("p1", "r1")),
            Op(BatchOperationKind.Insert, Entity("p2", "r2")),
        ]));

        Assert.Equal(0, await CountAsync("p1") + await CountAsync("p2"));
    }

    [Fact]
    public async Task BatchTouchingOneRowTwiceIsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitBatchAsync(
        [
            Op(BatchOperationKind.Insert, Entity("p", "r")),
            Op(BatchOperationKind.Upsert, Entity("p", "r", ("V", 2))),
        ]));

        Assert.Null(await Table.GetAsync("p", "r"));
    }

    private async Task<int> CountAsync(string partitionKey)
    {
        var count = 0;
        await foreach (var _ in Table.QueryAllAsync(partitionKey))
        {
            count++;
        }
        return count;
    }
}
