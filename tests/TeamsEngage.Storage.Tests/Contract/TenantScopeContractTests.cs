namespace TeamsEngage.Storage.Tests.Contract;

/// <summary>
/// The tenant scope over a real backend: two tenants writing the same keys never see each other's rows, a scoped table
/// refuses to work with no tenant in scope, and the store underneath holds every scoped row under its tenant's prefix.
/// </summary>
public abstract class TenantScopeContractTests : IAsyncLifetime
{
    protected const string TenantA = "6f1d7e5a-3c0b-4b7e-9a51-2d8c4f0e9b11";
    protected const string TenantB = "b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c4d";

    private ITableStore? raw;
    private string scopedName = string.Empty;
    private string sharedName = string.Empty;

    protected abstract ITableStore CreateStore();

    private ITableStore Raw => raw ?? throw new InvalidOperationException("The store is not created yet.");

    private TenantScopedTableStore Scoped => new(Raw, [sharedName]);

    public async Task InitializeAsync()
    {
        raw = CreateStore();
        scopedName = "t" + Guid.NewGuid().ToString("N");
        sharedName = "s" + Guid.NewGuid().ToString("N");
        await raw.InitializeAsync([scopedName, sharedName]);
    }

    public virtual Task DisposeAsync()
    {
        (raw as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    private static StoreEntity Entity(string partitionKey, string rowKey, string owner) =>
        new(partitionKey, rowKey, new Dictionary<string, object?> { ["Owner"] = owner });

    private async Task WriteSameKeysAsBothTenantsAsync()
    {
        var table = Scoped.Table(scopedName);
        foreach (var tenant in new[] { TenantA, TenantB })
        {
            using (TenantScope.Enter(tenant))
            {
                await table.InsertAsync(Entity("dept", "a", tenant));
                await table.UpsertAsync(Entity("dept", "b", tenant));
            }
        }
    }

    [Fact]
    public async Task TwoTenantsWritingTheSameKeysReadOnlyTheirOwnRows()
    {
        await WriteSameKeysAsBothTenantsAsync();
        var table = Scoped.Table(scopedName);

        foreach (var tenant in new[] { TenantA, TenantB })
        {
            using (TenantScope.Enter(tenant))
            {
                var read = await table.GetAsync("dept", "a");
                Assert.Equal(tenant, read?.GetString("Owner"));
                Assert.Equal("dept", read?.PartitionKey);
                var page = await table.QueryAsync("dept");
                Assert.Equal(["a", "b"], page.Entities.Select(e => e.RowKey));
                Assert.All(page.Entities, e => Assert.Equal(tenant, e.GetString("Owner")));
                Assert.All(page.Entities, e => Assert.Equal("dept", e.PartitionKey));
            }
        }
    }

    [Fact]
    public async Task ATenantCannotUpdateOrDeleteAnotherTenantsRowEvenWithItsETag()
    {
        var table = Scoped.Table(scopedName);
        StoreEntity ofA;
        using (TenantScope.Enter(TenantA))
        {
            ofA = await table.InsertAsync(Entity("dept", "a", TenantA));
        }

        using (TenantScope.Enter(TenantB))
        {
            await Assert.ThrowsAsync<StoreNotFoundException>(() => table.UpdateAsync(ofA with { Properties = new Dictionary<string, object?> { ["Owner"] = TenantB } }));
            await Assert.ThrowsAsync<StoreNotFoundException>(() => table.DeleteAsync("dept", "a", null));
            Assert.Null(await table.GetAsync("dept", "a"));
        }
        using (TenantScope.Enter(TenantA))
        {
            Assert.Equal(TenantA, (await table.GetAsync("dept", "a"))?.GetString("Owner"));
        }
    }

    [Fact]
    public async Task BatchesOfTwoTenantsOnTheSameKeysStayApart()
    {
        var table = Scoped.Table(scopedName);
        foreach (var tenant in new[] { TenantA, TenantB })
        {
            using (TenantScope.Enter(tenant))
            {
                var written = await table.SubmitBatchAsync(
                [
                    new BatchOperation(BatchOperationKind.Insert, Entity("p", "1", tenant)),
                    new BatchOperation(BatchOperationKind.Insert, Entity("p", "2", tenant)),
                ]);
                Assert.All(written, e => Assert.Equal("p", e!.PartitionKey));
            }
        }

        using (TenantScope.Enter(TenantA))
        {
            var ofA = (await table.QueryAsync("p")).Entities;
            // Deleting in a batch reaches only A's rows; B's rows with the same keys stay.
            await table.SubmitBatchAsync([.. ofA.Select(e => new BatchOperation(BatchOperationKind.Delete, e))]);
            Assert.Empty((await table.QueryAsync("p")).Entities);
        }
        using (TenantScope.Enter(TenantB))
        {
            var ofB = (await table.QueryAsync("p")).Entities;
            Assert.Equal(2, ofB.Count);
            Assert.All(ofB, e => Assert.Equal(TenantB, e.GetString("Owner")));
        }
    }

    [Fact]
    public async Task EveryOperationOnAScopedTableThrowsWithNoTenantInScope()
    {
        var table = Scoped.Table(scopedName);
        Assert.Null(TenantScope.Current);

        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.GetAsync("p", "r"));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.InsertAsync(Entity("p", "r", "nobody")));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.UpsertAsync(Entity("p", "r", "nobody")));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.UpdateAsync(Entity("p", "r", "nobody") with { ETag = "x" }));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.DeleteAsync("p", "r", null));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.QueryAsync("p"));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.SubmitBatchAsync([new BatchOperation(BatchOperationKind.Insert, Entity("p", "r", "nobody"))]));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => table.ScanAsync());
        Assert.Empty((await Raw.Table(scopedName).QueryAsync(TenantA + "|p")).Entities);
    }

    [Fact]
    public async Task AScanInOneTenantReturnsOnlyItsOwnRowsWithItsOwnKeys()
    {
        await WriteSameKeysAsBothTenantsAsync();
        var table = Scoped.Table(scopedName);
        var raw = Raw.Table(scopedName);
        // Rows next to A's range in key order that are not A's: the tenant id without the separator, and with the
        // character after it.
        await raw.InsertAsync(Entity(TenantA, "edge", "nobody"));
        await raw.InsertAsync(Entity(TenantA + "}", "edge", "nobody"));
        await raw.InsertAsync(Entity("dept", "edge", "nobody"));

        foreach (var tenant in new[] { TenantA, TenantB })
        {
            using (TenantScope.Enter(tenant))
            {
                await table.InsertAsync(Entity("other", "c", tenant));
                var read = new List<StoreEntity>();
                string? token = null;
                do
                {
                    var page = await table.ScanAsync(pageSize: 2, continuationToken: token);
                    read.AddRange(page.Entities);
                    token = page.ContinuationToken;
                }
                while (token is not null);

                Assert.Equal([("dept", "a"), ("dept", "b"), ("other", "c")], read.Select(e => (e.PartitionKey, e.RowKey)));
                Assert.All(read, e => Assert.Equal(tenant, e.GetString("Owner")));
                Assert.Equal(["c"], await table.ScanAllAsync().Where(e => e.PartitionKey == "other").Select(e => e.RowKey).ToListAsync());
                var narrowed = await table.ScanAsync(partitionKeyPrefix: "oth");
                Assert.Equal([("other", "c")], narrowed.Entities.Select(e => (e.PartitionKey, e.RowKey)));
            }
        }
    }

    [Fact]
    public async Task TheStoreUnderneathHoldsEveryScopedRowUnderItsTenantsPrefix()
    {
        await WriteSameKeysAsBothTenantsAsync();

        foreach (var tenant in new[] { TenantA, TenantB })
        {
            var rows = (await Raw.Table(scopedName).QueryAsync(tenant + "|dept")).Entities;
            Assert.Equal(["a", "b"], rows.Select(r => r.RowKey));
            Assert.All(rows, r => Assert.Equal(tenant, r.GetString("Owner")));
        }
        Assert.Empty((await Raw.Table(scopedName).QueryAsync("dept")).Entities);
    }

    [Fact]
    public async Task ASharedTableIsUsedAsItIsWithOrWithoutATenant()
    {
        var shared = Scoped.Table(sharedName);

        await shared.InsertAsync(Entity("work", "1", "nobody"));
        using (TenantScope.Enter(TenantB))
        {
            Assert.NotNull(await shared.GetAsync("work", "1"));
        }

        Assert.NotNull(await Raw.Table(sharedName).GetAsync("work", "1"));
    }

    [Fact]
    public void TheScopeIsAGuidAndComesBackToTheOuterOneWhenLeft()
    {
        Assert.Throws<ArgumentException>(() => TenantScope.Enter("contoso|admin"));
        using (TenantScope.Enter(TenantA.ToUpperInvariant()))
        {
            Assert.Equal(TenantA, TenantScope.Current);
            using (TenantScope.Enter(TenantB))
            {
                Assert.Equal(TenantB, TenantScope.Current);
            }
            Assert.Equal(TenantA, TenantScope.Current);
        }
        Assert.Null(TenantScope.Current);
    }
}
