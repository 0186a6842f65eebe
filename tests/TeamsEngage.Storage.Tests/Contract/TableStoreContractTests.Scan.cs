namespace TeamsEngage.Storage.Tests.Contract;

public abstract partial class TableStoreContractTests
{
    [Fact]
    public async Task AScanReadsEveryRowOfEveryPartitionPageByPage()
    {
        var written = new List<(string, string)>();
        foreach (var partition in new[] { "b", "a", "c|1" })
        {
            foreach (var row in new[] { "2", "1", "x'y" })
            {
                await Table.InsertAsync(Entity(partition, row));
                written.Add((partition, row));
            }
        }

        var read = new List<(string, string)>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Table.ScanAsync(pageSize: 4, continuationToken: token);
            read.AddRange(page.Entities.Select(e => (e.PartitionKey, e.RowKey)));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(written.Order(), read.Order());
        Assert.True(pages >= 3, $"nine rows in pages of four take at least three pages, not {pages}");
        Assert.Equal(9, await Table.ScanAllAsync().CountAsync());
    }

    [Fact]
    public async Task AScanWithAPrefixReadsOnlyThePartitionsStartingWithIt()
    {
        foreach (var partition in new[] { "a|1", "a|2", "a}", "a", "b|1", "a|" })
        {
            await Table.InsertAsync(Entity(partition, "r"));
        }

        var read = new List<string>();
        string? token = null;
        do
        {
            var page = await Table.ScanAsync(pageSize: 1, continuationToken: token, partitionKeyPrefix: "a|");
            read.AddRange(page.Entities.Select(e => e.PartitionKey));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(["a|", "a|1", "a|2"], read.Order(StringComparer.Ordinal));
        Assert.Equal(6, await Table.ScanAllAsync().CountAsync());
    }
}
