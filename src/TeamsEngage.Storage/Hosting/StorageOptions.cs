namespace TeamsEngage.Storage.Hosting;

/// <summary>
/// The "Storage" configuration section. With <see cref="ConnectionString"/> or <see cref="TableEndpoint"/> set the store is
/// Azure Tables; otherwise it is the embedded SQLite file in <see cref="DataDirectory"/>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Where the SQLite file lives; relative paths are under the app's content root. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>An Azure Storage connection string (a secret: set it through the environment or user secrets).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint (https://account.table.core.windows.net/), used with a managed or developer identity.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity, with <see cref="TableEndpoint"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>True when the Azure backend is configured.</summary>
    public bool UsesAzure => !string.IsNullOrWhiteSpace(ConnectionString) || TableEndpoint is not null;
}
