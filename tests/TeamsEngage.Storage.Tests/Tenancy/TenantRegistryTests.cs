using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Tenancy;

/// <summary>
/// The registry of tenants served: recorded once and then free, and a visit of every tenant that keeps going past one
/// tenant's failure and reports every failure together.
/// </summary>
public sealed class TenantRegistryTests : IAsyncLifetime, IDisposable
{
    private const string TenantA = "6f1d7e5a-3c0b-4b7e-9a51-2d8c4f0e9b11";
    private const string TenantB = "b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c4d";
    private const string TenantC = "0d9c8b7a-6f5e-4d3c-8b2a-190f8e7d6c5b";

    private readonly TemporaryDirectory directory = new();
    private SqliteTableStore? real;
    private InterceptedStore? counted;

    private InterceptedStore Store => counted ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        real = new SqliteTableStore(Path.Combine(directory.Path, "data"));
        counted = new InterceptedStore(real);
        await counted.InitializeAsync([TenantRegistry.TableName]);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        real?.Dispose();
        directory.Dispose();
    }

    [Fact]
    public async Task ATenantIsWrittenOnceAndLaterRecordsCostNoStoreCall()
    {
        var registry = new TenantRegistry(Store);

        await registry.RecordAsync(TenantA, CancellationToken.None);
        await registry.RecordAsync(TenantA.ToUpperInvariant(), CancellationToken.None);
        await registry.RecordAsync(TenantA, CancellationToken.None);

        Assert.Equal(1, Store.Inserts);
        Assert.Equal([TenantA], await registry.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ATenantRecordedByAnotherInstanceIsNotAnError()
    {
        await new TenantRegistry(Store).RecordAsync(TenantA, CancellationToken.None);
        var second = new TenantRegistry(Store);

        await second.RecordAsync(TenantA, CancellationToken.None);
        await second.RecordAsync(TenantA, CancellationToken.None);

        Assert.Equal(2, Store.Inserts);
        Assert.Equal([TenantA], await second.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnIdThatIsNotATenantIsRefusedAndNotRecorded()
    {
        var registry = new TenantRegistry(Store);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => registry.RecordAsync("00000000-0000-0000-0000-000000000000", CancellationToken.None));

        Assert.Contains("GUID", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await registry.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EveryTenantGetsItsTurnInItsOwnScopeAndEveryFailureIsReportedAtTheEnd()
    {
        var registry = new TenantRegistry(Store);
        foreach (var tenant in new[] { TenantA, TenantB, TenantC })
        {
            await registry.RecordAsync(tenant, CancellationToken.None);
        }
        var visited = new List<(string Tenant, string? InScope)>();

        var failed = await Assert.ThrowsAsync<AggregateException>(() => registry.ForEachAsync((tenant, _) =>
        {
            visited.Add((tenant, TenantScope.Current));
            return tenant == TenantC ? Task.CompletedTask : throw new InvalidOperationException("sweep failed in " + tenant);
        }, CancellationToken.None));

        Assert.Equal(new[] { TenantA, TenantB, TenantC }.Order(StringComparer.Ordinal), visited.Select(v => v.Tenant).Order(StringComparer.Ordinal));
        Assert.All(visited, v => Assert.Equal(v.Tenant, v.InScope));
        Assert.Equal(["sweep failed in " + TenantA, "sweep failed in " + TenantB], failed.InnerExceptions.Select(e => e.Message).Order(StringComparer.Ordinal));
        Assert.StartsWith("Work failed in some tenants.", failed.Message, StringComparison.Ordinal);
        Assert.Null(TenantScope.Current);
    }

    [Fact]
    public async Task CancellingTheVisitStopsItInsteadOfCountingAsATenantFailure()
    {
        var registry = new TenantRegistry(Store);
        await registry.RecordAsync(TenantA, CancellationToken.None);
        await registry.RecordAsync(TenantB, CancellationToken.None);
        var visits = 0;

        await Assert.ThrowsAsync<OperationCanceledException>(() => registry.ForEachAsync((_, _) =>
        {
            visits++;
            throw new OperationCanceledException();
        }, CancellationToken.None));

        Assert.Equal(1, visits);
    }

    [Fact]
    public async Task AVisitWithoutFailuresThrowsNothing()
    {
        var registry = new TenantRegistry(Store);
        await registry.RecordAsync(TenantA, CancellationToken.None);
        var visits = 0;

        await registry.ForEachAsync((_, _) => { visits++; return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(1, visits);
    }
}
