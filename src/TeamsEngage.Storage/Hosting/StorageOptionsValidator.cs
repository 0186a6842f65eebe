using Microsoft.Extensions.Options;

namespace TeamsEngage.Storage.Hosting;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableEndpoint is not null)
        {
            failures.Add("Set either Storage:ConnectionString or Storage:TableEndpoint, not both.");
        }
        if (options.TableEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("Storage:TableEndpoint must be an absolute http(s) URL.");
        }
        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) && options.TableEndpoint is null)
        {
            failures.Add("Storage:ManagedIdentityClientId applies only with Storage:TableEndpoint.");
        }
        if (!options.UsesAzure && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory must name a folder when no Azure storage is configured.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
