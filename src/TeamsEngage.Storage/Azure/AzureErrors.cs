using Azure;

namespace TeamsEngage.Storage.Azure;

/// <summary>Maps the service's status codes to the store's typed exceptions.</summary>
internal static class AzureErrors
{
    private const string TableNotFound = "TableNotFound";

    public static bool IsMissingTable(RequestFailedException exception) =>
        exception.Status == 404 && string.Equals(exception.ErrorCode, TableNotFound, StringComparison.Ordinal);

    public static bool IsMissingTable(Response response) =>
        response.Status == 404
        && response.Headers.TryGetValue("x-ms-error-code", out var code)
        && string.Equals(code, TableNotFound, StringComparison.Ordinal);

    /// <summary>The typed exception for a failure the contract names, or null for any other failure.</summary>
    public static StoreException? Translate(RequestFailedException exception, string table, string partitionKey, string rowKey) => exception.Status switch
    {
        404 when !IsMissingTable(exception) => new StoreNotFoundException($"Entity ({partitionKey}, {rowKey}) does not exist in {table}.", exception),
        409 when exception.ErrorCode is "EntityAlreadyExists" => new StoreConflictException($"Entity ({partitionKey}, {rowKey}) already exists in {table}.", exception),
        412 => new StorePreconditionFailedException($"Entity ({partitionKey}, {rowKey}) in {table} changed since it was read.", exception),
        _ => null,
    };

    public static InvalidOperationException MissingTable(string table, Exception? inner) =>
        new($"Table {table} does not exist: declare it (AddStoreTable) so it is created at start-up.", inner);
}
