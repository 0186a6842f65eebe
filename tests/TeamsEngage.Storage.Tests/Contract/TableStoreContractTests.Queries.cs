namespace TeamsEngage.Storage.Tests.Contract;

public abstract partial class TableStoreContractTests
{
    [Fact]
    public async Task QueryReturnsOnlyThePartitionInOrdinalRowKeyOrder()
    {
        string[] keys = ["b", "B", "10", "a", "9", "A", "_", "~"];
        foreach (var key in keys)
        {
            await Table.InsertAsync(Entity("p", key));
        }
        await Table.InsertAsync(Entity("other", "0"));

        var page = await Table.QueryAsync("p");

        Assert.Null(page.ContinuationToken);
        Assert.Equal(keys.Order(StringComparer.Ordinal), page.Entities.Select(e => e.RowKey));
        Assert.All(page.Entities, e => Assert.Equal("p", e.PartitionKey));
        Assert.All(page.Entities, e => Assert.False(string.IsNullOrEmpty(e.ETag)));
    }

    [Fact]
    public async Task RowKeyRangeIncludesTheLowerBoundAndExcludesTheUpper()
    {
        foreach (var key in new[] { "a", "b", "bb", "c", "d" })
        {
            await Table.InsertAsync(Entity("p", key));
        }

        var between = await Table.QueryAsync("p", rowKeyFrom: "b", rowKeyTo: "d");
        var from = await Table.QueryAsync("p", rowKeyFrom: "c");
        var to = await Table.QueryAsync("p", rowKeyTo: "b");

        Assert.Equal(["b", "bb", "c"], between.Entities.Select(e => e.RowKey));
        Assert.Equal(["c", "d"], from.Entities.Select(e => e.RowKey));
        Assert.Equal(["a"], to.Entities.Select(e => e.RowKey));
    }

    [Fact]
    public async Task KeysWithQuotesAreQueriedLiterally()
    {
        await Table.InsertAsync(Entity("o'brien", "it's"));
        await Table.InsertAsync(Entity("o'brien", "x' or RowKey ne '"));

        var page = await Table.QueryAsync("o'brien", rowKeyFrom: "it's", rowKeyTo: "it's~");

        Assert.Equal("it's", Assert.Single(page.Entities).RowKey);
    }

    [Fact]
    public async Task PagingVisitsEveryEntityExactlyOnceInOrder()
    {
        var keys = Enumerable.Range(0, 25).Select(i => $"row{i:D2}").ToList();
        await Table.SubmitBatchAsync(keys.Select(k => new BatchOperation(BatchOperationKind.Insert, Entity("p", k))).ToList());

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Table.QueryAsync("p", pageSize: 4, continuationToken: token);
            Assert.True(page.Entities.Count <= 4);
            seen.AddRange(page.Entities.Select(e => e.RowKey));
            token = page.ContinuationToken;
            pages++;
            Assert.True(pages <= 25, "paging does not end");
        }
        while (token is not null);

        Assert.Equal(keys, seen);
    }

    [Fact]
    public async Task PagingWithinARangeStaysInTheRange()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"k{i:D2}").ToList();
        await Table.SubmitBatchAsync(keys.Select(k => new BatchOperation(BatchOperationKind.Insert, Entity("p", k))).ToList());

        var seen = new List<string>();
        await foreach (var entity in Table.QueryAllAsync("p", "k05", "k17", pageSize: 5))
        {
            seen.Add(entity.RowKey);
        }

        Assert.Equal(keys.Skip(5).Take(12), seen);
    }

    [Fact]
    public async Task QueryOfAnEmptyPartitionReturnsAnEmptyLastPage()
    {
        var page = await Table.QueryAsync("nobody");

        Assert.Empty(page.Entities);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task PageSizeOutsideOneToAThousandIsRefused(int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Table.QueryAsync("p", pageSize: pageSize));
    }
}
