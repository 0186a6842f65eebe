using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeamsEngage.Storage.Hosting;

/// <summary>Creates every declared table before the host starts serving.</summary>
internal sealed partial class StoreInitializer(ITableStore store, IEnumerable<StoreTableName> tables, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = tables.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        await store.InitializeAsync(names, cancellationToken).ConfigureAwait(false);
        LogInitialized(logger, names.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Store ready with {TableCount} tables")]
    private static partial void LogInitialized(ILogger logger, int tableCount);
}
