using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Storage.Hosting;

/// <summary>
/// The "Storage" configuration section. With <see cref="ConnectionString"/> or <see cref="TableEndpoint"/> set the store is
/// Azure Tables; otherwise it is the embedded SQLite file in <see cref="DataDirectory"/>.
/// </summary>
public sealed class StorageOptions : IValidatableObject
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

    /// <summary>The rules that span keys; each message names them.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString) && TableEndpoint is not null)
        {
            yield return new ValidationResult("Set either Storage:ConnectionString or Storage:TableEndpoint, not both.");
        }
        if (TableEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Storage:TableEndpoint must be an absolute http(s) URL.");
        }
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && TableEndpoint is null)
        {
            yield return new ValidationResult("Storage:ManagedIdentityClientId applies only with Storage:TableEndpoint.");
        }
        if (!UsesAzure && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("Storage:DataDirectory must name a folder when no Azure storage is configured.");
        }
    }
}
