using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage.Azure;
using TeamsEngage.Storage.Hosting;
using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Hosting;

[Collection(AzuriteGroup.Name)]
public sealed class StorageRegistrationTests(AzuriteServer azurite) : IDisposable
{
    private readonly TemporaryDirectory contentRoot = new();

    public void Dispose() => contentRoot.Dispose();

    [Fact]
    public async Task WithoutAzureSettingsTheStoreIsSqliteUnderTheContentRootAndDeclaredTablesExist()
    {
        using var host = BuildHost([], "Notices", "Polls");

        await host.StartAsync();
        var store = host.Services.GetRequiredService<ITableStore>();
        StoreEntity written;
        StoreEntity? missingRow;
        using (TenantScope.Enter(Tenant))
        {
            written = await store.Table("Polls").InsertAsync(new StoreEntity("p", "r", new Dictionary<string, object?>()));
            missingRow = await store.Table("Notices").GetAsync("p", "r");
        }
        await host.StopAsync();

        var sqlite = Assert.IsType<SqliteTableStore>(Assert.IsType<TenantScopedTableStore>(store).Inner);
        Assert.Equal(Path.Combine(contentRoot.Path, "data", "teamsengage.db"), sqlite.DatabasePath);
        Assert.NotNull(written.ETag);
        Assert.Null(missingRow);
    }

    [Fact]
    public async Task DataDirectorySettingMovesTheDatabase()
    {
        using var host = BuildHost(new() { ["Storage:DataDirectory"] = "state/db" }, "Notices");

        await host.StartAsync();
        var store = Assert.IsType<SqliteTableStore>(Raw(host));
        await host.StopAsync();

        Assert.Equal(Path.Combine(contentRoot.Path, "state", "db", "teamsengage.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
    }

    [Fact]
    public async Task AConnectionStringSelectsAzureTablesAndDeclaredTablesAreCreatedThere()
    {
        var table = "reg" + Guid.NewGuid().ToString("N");
        using var host = BuildHost(new() { ["Storage:ConnectionString"] = azurite.ConnectionString }, table);

        await host.StartAsync();
        var store = host.Services.GetRequiredService<ITableStore>();
        StoreEntity written;
        using (TenantScope.Enter(Tenant))
        {
            written = await store.Table(table).InsertAsync(new StoreEntity("p", "r", new Dictionary<string, object?> { ["V"] = 1 }));
        }
        await host.StopAsync();

        var azure = Assert.IsType<AzureTableStore>(Raw(host));
        Assert.Equal(new Uri($"http://127.0.0.1:{azurite.Port}/devstoreaccount1"), azure.Endpoint);
        Assert.NotNull(written.ETag);
    }

    [Fact]
    public void ATableEndpointSelectsAzureTablesWithoutAnyIo()
    {
        using var host = BuildHost(new() { ["Storage:TableEndpoint"] = "https://example.table.core.windows.net/", ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001" });

        var store = Assert.IsType<AzureTableStore>(Raw(host));

        Assert.Equal(new Uri("https://example.table.core.windows.net/"), store.Endpoint);
    }

    [Theory]
    [InlineData("Storage:ConnectionString", "UseDevelopmentStorage=true", "Storage:TableEndpoint", "https://example.table.core.windows.net/")]
    [InlineData("Storage:ManagedIdentityClientId", "abc", "Storage:DataDirectory", "data")]
    [InlineData("Storage:TableEndpoint", "ftp://example/", "Storage:DataDirectory", "data")]
    [InlineData("Storage:DataDirectory", " ", "Storage:Other", "x")]
    public async Task InvalidStorageSettingsStopTheHostAtStartUp(string key1, string value1, string key2, string value2)
    {
        using var host = BuildHost(new() { [key1] = value1, [key2] = value2 });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task DeclaredTablesAreTenantScopedUnlessDeclaredShared()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot.Path });
        builder.Services.AddLogging();
        builder.Services.AddTableStore(builder.Configuration).AddStoreTable("Tickets").AddSharedStoreTable("OutboxRows");
        using var host = builder.Build();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<ITableStore>();

        await store.Table("OutboxRows").InsertAsync(new StoreEntity("q", "1", new Dictionary<string, object?>()));
        await Assert.ThrowsAsync<TenantScopeMissingException>(() => store.Table("Tickets").GetAsync("p", "r"));
        await host.Services.GetRequiredService<TenantRegistry>().RecordAsync(Tenant, default);
        await host.StopAsync();

        Assert.Equal([Tenant], await host.Services.GetRequiredService<TenantRegistry>().ListAsync(default));
    }

    [Fact]
    public void DeclaringAnInvalidTableNameFailsAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddStoreTable("no-dashes"));
    }

    private const string Tenant = "6f1d7e5a-3c0b-4b7e-9a51-2d8c4f0e9b11";

    private static ITableStore Raw(IHost host) => Assert.IsType<TenantScopedTableStore>(host.Services.GetRequiredService<ITableStore>()).Inner;

    private IHost BuildHost(Dictionary<string, string?> settings, params string[] tables)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot.Path });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddTableStore(builder.Configuration);
        foreach (var table in tables)
        {
            builder.Services.AddStoreTable(table);
        }
        return builder.Build();
    }
}
