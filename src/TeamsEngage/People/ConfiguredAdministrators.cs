using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>
/// <c>TeamsEngage:Administrators</c> read per tenant: a plain entry (object id or email) names an administrator of the
/// bot's home tenant (<c>MicrosoftAppTenantId</c>) only; <c>{tenantId}/{objectId-or-email}</c> names one of that tenant.
/// An email of one district is never an administrator in another.
/// </summary>
public sealed class ConfiguredAdministrators(IOptions<PeopleOptions> options, IOptions<BotOptions> bot)
{
    /// <summary>The object ids and emails that name administrators of the tenant in scope.</summary>
    public IEnumerable<string> InCurrentTenant()
    {
        var tenant = TenantScope.Require("the configured administrators");
        var home = TenantScope.Normalize(bot.Value.MicrosoftAppTenantId);
        foreach (var entry in options.Value.Administrators.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            var (entryTenant, reference) = Parse(entry);
            if ((entryTenant ?? home) == tenant)
            {
                yield return reference;
            }
        }
    }

    /// <summary>Whether configuration names this person an administrator of the tenant in scope.</summary>
    public bool Includes(string? aadObjectId, string? email) => InCurrentTenant().Any(a =>
        (aadObjectId is not null && string.Equals(a, aadObjectId, StringComparison.OrdinalIgnoreCase))
        || (email is not null && string.Equals(a, email, StringComparison.OrdinalIgnoreCase)));

    /// <summary>An entry's tenant (null when it names none) and its object id or email.</summary>
    public static (string? Tenant, string Reference) Parse(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var value = entry.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && TenantScope.Normalize(value[..slash]) is { } tenant
            ? (tenant, value[(slash + 1)..].Trim())
            : (null, value);
    }
}
