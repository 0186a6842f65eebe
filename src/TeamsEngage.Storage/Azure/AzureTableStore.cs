using Azure.Data.Tables;
using TeamsEngage.Storage.Rules;

namespace TeamsEngage.Storage.Azure;

/// <summary>The production backend: Azure Table storage (or Azurite), through one <see cref="TableServiceClient"/>.</summary>
public sealed class AzureTableStore(TableServiceClient client) : ITableStore
{
    private readonly TableServiceClient client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The table endpoint, without any query string (safe to log).</summary>
    public Uri Endpoint => new(client.Uri.GetLeftPart(UriPartial.Path));

    /// <inheritdoc />
    public async Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableNames);
        foreach (var name in tableNames.Select(TableNameRules.Validate).ToList())
        {
            await client.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public IStoreTable Table(string name) => new AzureStoreTable(client.GetTableClient(TableNameRules.Validate(name)));
}
