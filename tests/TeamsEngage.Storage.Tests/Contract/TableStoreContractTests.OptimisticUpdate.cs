namespace TeamsEngage.Storage.Tests.Contract;

/// <summary>The one read-decide-write helper, on every backend: racing writers lose nothing, refusals and contention are told apart.</summary>
public abstract partial class TableStoreContractTests
{
    [Fact]
    public async Task TwentyRacingIncrementsThroughOptimisticUpdateAllCount()
    {
        await Table.InsertAsync(Entity("p", "counter", ("Count", 0)));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => IncrementAsync(maxAttempts: 100))));

        Assert.All(results, r => Assert.Equal(UpdateOutcome.Written, r.Outcome));
        Assert.Equal(20, (await Table.GetAsync("p", "counter"))!.GetInt32("Count"));
    }

    [Fact]
    public async Task ARefusalWritesNothingAndSaysWhy()
    {
        var stored = await Table.InsertAsync(Entity("p", "counter", ("Count", 7)));

        var result = await OptimisticUpdate.ApplyAsync(
            ct => Table.GetAsync("p", "counter", ct),
            _ => Decision.Refuse<int>("Counter_Full"),
            (current, count, ct) => Table.UpdateAsync(Entity("p", "counter", ("Count", count)) with { ETag = current.ETag }, ct),
            CancellationToken.None);

        Assert.Equal(UpdateOutcome.Refused, result.Outcome);
        Assert.Equal("Counter_Full", result.Refusal);
        Assert.Equal(stored.ETag, (await Table.GetAsync("p", "counter"))!.ETag);
    }

    [Fact]
    public async Task OfTenRacingInsertOrGetCallsOneWritesAndEveryCallReturnsThatRow()
    {
        var rows = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Table.InsertOrGetAsync(Entity("p", "link", ("Value", i))))));

        var stored = (await Table.GetAsync("p", "link"))!.GetInt32("Value");
        Assert.All(rows, r => Assert.Equal(stored, r.GetInt32("Value")));
    }

    [Fact]
    public async Task UpdatingSomethingThatDoesNotExistIsNotFound()
    {
        var result = await IncrementAsync(maxAttempts: 3);

        Assert.Equal(UpdateOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task AWriterThatAlwaysLosesGivesUpAsContendedAfterItsAttempts()
    {
        await Table.InsertAsync(Entity("p", "counter", ("Count", 0)));
        var reads = 0;

        var result = await OptimisticUpdate.ApplyAsync(
            async ct =>
            {
                reads++;
                var read = await Table.GetAsync("p", "counter", ct);
                // Someone else writes between every read and our write.
                await Table.UpsertAsync(Entity("p", "counter", ("Count", reads)), ct);
                return read;
            },
            current => Decision.Write(current.GetInt32("Count")!.Value + 100),
            (current, count, ct) => Table.UpdateAsync(Entity("p", "counter", ("Count", count)) with { ETag = current.ETag }, ct),
            CancellationToken.None,
            maxAttempts: 3);

        Assert.Equal(UpdateOutcome.Contended, result.Outcome);
        Assert.Equal(3, reads);
        Assert.Equal(3, (await Table.GetAsync("p", "counter"))!.GetInt32("Count"));
    }

    private Task<UpdateResult<StoreEntity, int>> IncrementAsync(int maxAttempts) =>
        OptimisticUpdate.ApplyAsync(
            ct => Table.GetAsync("p", "counter", ct),
            current => Decision.Write(current.GetInt32("Count")!.Value + 1),
            (current, count, ct) => Table.UpdateAsync(Entity("p", "counter", ("Count", count)) with { ETag = current.ETag }, ct),
            CancellationToken.None,
            maxAttempts);
}
