using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Tenancy;

/// <summary>
/// The rules of the tenant scope itself: what counts as a tenant id, how scopes nest and unwind, what a scoped table
/// says when it is used outside any scope, and that it refuses a row the backend returns from another tenant.
/// </summary>
public sealed class TenantScopeRulesTests : IDisposable
{
    private const string TenantA = "6f1d7e5a-3c0b-4b7e-9a51-2d8c4f0e9b11";
    private const string TenantB = "b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c4d";
    private const string TenantC = "0d9c8b7a-6f5e-4d3c-8b2a-190f8e7d6c5b";

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{00000000-0000-0000-0000-000000000000}")]
    [InlineData("not-a-tenant")]
    [InlineData("")]
    [InlineData(null)]
    public void AnIdThatIsNotARealTenantIsNoTenant(string? id)
    {
        Assert.Null(TenantScope.Normalize(id));
        var refused = Assert.Throws<ArgumentException>(() => TenantScope.Enter(id!));
        Assert.Equal("tenantId", refused.ParamName);
        Assert.Contains("GUID", refused.Message, StringComparison.Ordinal);
        Assert.Null(TenantScope.Current);
    }

    [Fact]
    public void ATenantIdIsKeptInOneCanonicalForm()
    {
        Assert.Equal(TenantA, TenantScope.Normalize("  " + TenantA.ToUpperInvariant() + " "));
        Assert.Equal(TenantA, TenantScope.Normalize("{" + TenantA + "}"));
    }

    [Fact]
    public void NestedScopesUnwindToTheOneBefore()
    {
        using (TenantScope.Enter(TenantA))
        {
            using (TenantScope.Enter(TenantB))
            {
                Assert.Equal(TenantB, TenantScope.Require());
            }
            Assert.Equal(TenantA, TenantScope.Require());
        }
        Assert.Null(TenantScope.Current);
    }

    [Fact]
    public void DisposingAScopeTwiceDoesNotBringItsPredecessorBackOverALaterScope()
    {
        using (TenantScope.Enter(TenantA))
        {
            var inner = TenantScope.Enter(TenantB);
            inner.Dispose();
            using (TenantScope.Enter(TenantC))
            {
                inner.Dispose();

                Assert.Equal(TenantC, TenantScope.Require());
            }
        }
    }

    [Fact]
    public void WorkOutsideAnyScopeIsRefusedNamingWhatNeededATenant()
    {
        var named = Assert.Throws<TenantScopeMissingException>(() => TenantScope.Require("the retention sweep"));
        Assert.Contains("No tenant is in scope for the retention sweep:", named.Message, StringComparison.Ordinal);

        var unnamed = Assert.Throws<TenantScopeMissingException>(() => TenantScope.Require());
        Assert.StartsWith("No tenant is in scope: enter one", unnamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScopedTableUsedOutsideAnyScopeNamesTheTable()
    {
        using var store = new TenantScopedTableStore(new SqliteTableStore(Path.Combine(directory.Path, "data")), []);
        await store.InitializeAsync(["Tickets"]);

        var refused = await Assert.ThrowsAsync<TenantScopeMissingException>(() => store.Table("Tickets").GetAsync("dept", "a"));

        Assert.Contains("for table Tickets:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowTheBackendReturnsFromAnotherTenantIsRefused()
    {
        var real = new SqliteTableStore(Path.Combine(directory.Path, "data"));
        var misrouting = new InterceptedStore(real, e => e with { PartitionKey = TenantB + TenantScope.Separator + "dept" });
        using var store = new TenantScopedTableStore(misrouting, []);
        await store.InitializeAsync(["Tickets"]);
        var table = store.Table("Tickets");

        using (TenantScope.Enter(TenantA))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(
                () => table.InsertAsync(new StoreEntity("dept", "a", new Dictionary<string, object?> { ["Owner"] = TenantA })));
            Assert.Equal("Table Tickets returned a row outside the tenant in scope.", refused.Message);

            await Assert.ThrowsAsync<InvalidOperationException>(() => table.GetAsync("dept", "a"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => table.QueryAsync("dept"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => table.ScanAsync());
        }
        real.Dispose();
    }
}
