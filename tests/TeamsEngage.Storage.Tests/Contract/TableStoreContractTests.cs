namespace TeamsEngage.Storage.Tests.Contract;

/// <summary>
/// The store contract. Every backend runs these tests unchanged through a subclass that supplies the store.
/// </summary>
public abstract partial class TableStoreContractTests : IAsyncLifetime
{
    private ITableStore? store;

    /// <summary>A table unique to this test, created before it runs.</summary>
    protected IStoreTable Table { get; private set; } = null!;

    protected ITableStore Store => store ?? throw new InvalidOperationException("The store is not created yet.");

    protected abstract ITableStore CreateStore();

    public async Task InitializeAsync()
    {
        store = CreateStore();
        var name = UniqueTableName();
        await store.InitializeAsync([name]);
        Table = store.Table(name);
    }

    public virtual Task DisposeAsync()
    {
        (store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    protected static string UniqueTableName() => "t" + Guid.NewGuid().ToString("N");

    protected static StoreEntity Entity(string partitionKey, string rowKey, params (string Name, object? Value)[] properties) =>
        new(partitionKey, rowKey, properties.ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public async Task GettingAMissingEntityReturnsNull()
    {
        Assert.Null(await Table.GetAsync("p", "missing"));
    }

    [Fact]
    public async Task InsertedEntityReadsBackWithItsETagAndTimestamp()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var inserted = await Table.InsertAsync(Entity("p", "r", ("Name", "Ada")));

        var read = await Table.GetAsync("p", "r");

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(inserted.ETag));
        Assert.Equal(inserted.ETag, read.ETag);
        Assert.Equal("Ada", read.GetString("Name"));
        Assert.NotNull(read.Timestamp);
        Assert.True(read.Timestamp > before);
        Assert.Equal(TimeSpan.Zero, read.Timestamp.Value.Offset);
    }

    [Fact]
    public async Task InsertingAnExistingEntityIsAConflict()
    {
        await Table.InsertAsync(Entity("p", "r", ("Version", 1)));

        await Assert.ThrowsAsync<StoreConflictException>(() => Table.InsertAsync(Entity("p", "r", ("Version", 2))));

        Assert.Equal(1, (await Table.GetAsync("p", "r"))!.GetInt32("Version"));
    }

    [Fact]
    public async Task UpsertCreatesThenReplacesTheWholeEntity()
    {
        var created = await Table.UpsertAsync(Entity("p", "r", ("A", 1), ("B", "two")));
        var replaced = await Table.UpsertAsync(Entity("p", "r", ("A", 3)));

        var read = await Table.GetAsync("p", "r");

        Assert.NotNull(read);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, read.ETag);
        Assert.Equal(3, read.GetInt32("A"));
        Assert.False(read.Properties.ContainsKey("B"));
    }

    [Fact]
    public async Task UpdateWithTheCurrentETagSucceedsAndChangesTheETag()
    {
        var inserted = await Table.InsertAsync(Entity("p", "r", ("State", "new")));

        var updated = await Table.UpdateAsync(inserted with { Properties = new Dictionary<string, object?> { ["State"] = "claimed" } });

        var read = await Table.GetAsync("p", "r");
        Assert.NotNull(read);
        Assert.NotEqual(inserted.ETag, updated.ETag);
        Assert.Equal(updated.ETag, read.ETag);
        Assert.Equal("claimed", read.GetString("State"));
    }

    [Fact]
    public async Task UpdateWithAStaleETagFailsItsPrecondition()
    {
        var inserted = await Table.InsertAsync(Entity("p", "r", ("State", "new")));
        await Table.UpdateAsync(inserted with { Properties = new Dictionary<string, object?> { ["State"] = "first" } });

        await Assert.ThrowsAsync<StorePreconditionFailedException>(
            () => Table.UpdateAsync(inserted with { Properties = new Dictionary<string, object?> { ["State"] = "second" } }));

        Assert.Equal("first", (await Table.GetAsync("p", "r"))!.GetString("State"));
    }

    [Fact]
    public async Task UpdateOfAMissingEntityIsNotFound()
    {
        var inserted = await Table.InsertAsync(Entity("p", "r"));
        await Table.DeleteAsync("p", "r", null);

        await Assert.ThrowsAsync<StoreNotFoundException>(() => Table.UpdateAsync(inserted));
    }

    [Fact]
    public async Task UpdateWithoutAnETagIsRefused()
    {
        await Table.InsertAsync(Entity("p", "r"));

        await Assert.ThrowsAsync<ArgumentException>(() => Table.UpdateAsync(Entity("p", "r", ("A", 1))));
    }

    [Fact]
    public async Task DeleteWithAStaleETagFailsItsPreconditionAndKeepsTheEntity()
    {
        var inserted = await Table.InsertAsync(Entity("p", "r", ("V", 1)));
        await Table.UpsertAsync(Entity("p", "r", ("V", 2)));

        await Assert.ThrowsAsync<StorePreconditionFailedException>(() => Table.DeleteAsync("p", "r", inserted.ETag));

        Assert.NotNull(await Table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task DeleteWithTheCurrentETagRemovesTheEntity()
    {
        var inserted = await Table.InsertAsync(Entity("p", "r"));

        await Table.DeleteAsync("p", "r", inserted.ETag);

        Assert.Null(await Table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task DeleteWithoutAnETagIsUnconditional()
    {
        await Table.InsertAsync(Entity("p", "r", ("V", 1)));
        await Table.UpsertAsync(Entity("p", "r", ("V", 2)));

        await Table.DeleteAsync("p", "r", null);

        Assert.Null(await Table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task DeleteOfAMissingEntityIsNotFound()
    {
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Table.DeleteAsync("p", "missing", null));
    }

    [Fact]
    public async Task TwentyRacingUpdatesFromOneReadLetExactlyOneWin()
    {
        await Table.InsertAsync(Entity("p", "r", ("Owner", "nobody")));
        var read = (await Table.GetAsync("p", "r"))!;

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await Table.UpdateAsync(read with { Properties = new Dictionary<string, object?> { ["Owner"] = $"worker{i}" } });
                return $"worker{i}";
            }
            catch (StorePreconditionFailedException)
            {
                return null;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await Table.GetAsync("p", "r"))!.GetString("Owner"));
    }
}
