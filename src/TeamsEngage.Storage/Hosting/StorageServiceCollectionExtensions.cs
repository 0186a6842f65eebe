using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage.Azure;
using TeamsEngage.Storage.Rules;
using TeamsEngage.Storage.Sqlite;

namespace TeamsEngage.Storage.Hosting;

/// <summary>Registers the store: <c>services.AddTableStore(configuration).AddStoreTable("Notices")</c>.</summary>
public static partial class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITableStore"/> (Azure Tables when Storage:ConnectionString or Storage:TableEndpoint is set,
    /// else SQLite), validates <see cref="StorageOptions"/> at start-up, and creates the declared tables at start-up.
    /// </summary>
    public static IServiceCollection AddTableStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ITableStore>(provider => new TenantScopedTableStore(
            CreateStore(provider), provider.GetServices<SharedStoreTableName>().Select(t => t.Name)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StoreInitializer>());
        services.AddSharedStoreTable(TenantRegistry.TableName);
        services.TryAddSingleton<TenantRegistry>();
        return services;
    }

    /// <summary>
    /// Declares a table the application uses; it is created at start-up. It is tenant-scoped: every operation on it
    /// needs a tenant in <see cref="TenantScope"/> and sees only that tenant's rows.
    /// </summary>
    public static IServiceCollection AddStoreTable(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new StoreTableName(TableNameRules.Validate(name)));
        return services;
    }

    /// <summary>
    /// Declares a table that holds rows of every tenant (infrastructure that records the tenant per row, or the tenant
    /// registry itself): it is created at start-up and used without a tenant scope.
    /// </summary>
    public static IServiceCollection AddSharedStoreTable(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddStoreTable(name);
        services.AddSingleton(new SharedStoreTableName(name));
        return services;
    }

    private static ITableStore CreateStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ITableStore).FullName!);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var store = new AzureTableStore(new TableServiceClient(options.ConnectionString));
            LogAzure(logger, store.Endpoint, "connection string");
            return store;
        }
        if (options.TableEndpoint is { } endpoint)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
            });
            var store = new AzureTableStore(new TableServiceClient(endpoint, credential));
            LogAzure(logger, store.Endpoint, options.ManagedIdentityClientId is null ? "default credential" : "user-assigned managed identity");
            return store;
        }

        var contentRoot = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        var sqlite = new SqliteTableStore(Path.Combine(contentRoot, options.DataDirectory));
        LogSqlite(logger, sqlite.DatabasePath);
        return sqlite;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store backend: Azure Tables at {Endpoint} ({Authentication})")]
    private static partial void LogAzure(ILogger logger, Uri endpoint, string authentication);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store backend: SQLite at {DatabasePath}")]
    private static partial void LogSqlite(ILogger logger, string databasePath);
}
