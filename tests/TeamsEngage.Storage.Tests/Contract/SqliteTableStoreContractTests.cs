using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Contract;

public sealed class SqliteTableStoreContractTests : TableStoreContractTests, IDisposable
{
    private readonly TemporaryDirectory directory = new();

    protected override ITableStore CreateStore() => new SqliteTableStore(Path.Combine(directory.Path, "data"));

    // xunit calls this after DisposeAsync, which has released the store's pooled connections.
    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task DataSurvivesReopeningTheStore()
    {
        var written = await Table.InsertAsync(Entity("p", "r", ("Count", 5), ("When", DateTimeOffset.UnixEpoch)));
        ((IDisposable)Store).Dispose();

        using var reopened = new SqliteTableStore(Path.Combine(directory.Path, "data"));
        var read = await reopened.Table(Table.Name).GetAsync("p", "r");

        Assert.NotNull(read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(5, read.GetInt32("Count"));
        Assert.Equal(DateTimeOffset.UnixEpoch, read.GetDateTimeOffset("When"));
    }

    [Fact]
    public async Task TheDatabaseIsOneWalFileInTheDataDirectory()
    {
        await Table.InsertAsync(Entity("p", "r"));

        var store = Assert.IsType<SqliteTableStore>(Store);
        Assert.Equal(Path.Combine(directory.Path, "data", "teamsengage.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        Assert.True(File.Exists(store.DatabasePath + "-wal"));
    }

    [Fact]
    public async Task TwoStoreInstancesOnOneFileShareTheWriterLock()
    {
        await Table.InsertAsync(Entity("p", "r", ("Owner", "nobody")));
        using var second = new SqliteTableStore(Path.Combine(directory.Path, "data"));
        var read = (await Table.GetAsync("p", "r"))!;

        var attempts = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            var table = i % 2 == 0 ? Table : second.Table(Table.Name);
            try
            {
                await table.UpdateAsync(read with { Properties = new Dictionary<string, object?> { ["Owner"] = $"w{i}" } });
                return true;
            }
            catch (StorePreconditionFailedException)
            {
                return false;
            }
        }));

        Assert.Single(await Task.WhenAll(attempts), won => won);
    }
}
