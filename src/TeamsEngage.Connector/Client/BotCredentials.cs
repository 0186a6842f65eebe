using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Client;

/// <summary>The outbound credential rules of the three app types, shared by validation and provider selection.</summary>
internal static class BotCredentials
{
    /// <summary>Client secret, home tenant <c>botframework.com</c>.</summary>
    public const string MultiTenant = "MultiTenant";

    /// <summary>Client secret, the bot's own tenant.</summary>
    public const string SingleTenant = "SingleTenant";

    /// <summary>A user-assigned managed identity whose client id is the app id.</summary>
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>The authority host of the public cloud.</summary>
    public const string AuthorityHost = "https://login.microsoftonline.com/";

    /// <summary>The tenant of multi-tenant bots.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>The client-credentials scope of the connector.</summary>
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>The managed-identity resource of the connector.</summary>
    public const string Resource = "https://api.botframework.com";

    /// <summary>Lists what is wrong with the outbound credentials; empty when they are usable (or the bot is anonymous).</summary>
    public static IReadOnlyList<string> Validate(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.IsAnonymous)
        {
            return errors;
        }
        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        switch (Normalize(options.MicrosoftAppType))
        {
            case MultiTenant:
                Require(hasId, "MicrosoftAppId is required for MultiTenant.", errors);
                Require(hasPassword, "MicrosoftAppPassword is required for MultiTenant.", errors);
                break;
            case SingleTenant:
                Require(hasId, "MicrosoftAppId is required for SingleTenant.", errors);
                Require(hasTenant, "MicrosoftAppTenantId is required for SingleTenant.", errors);
                Require(hasPassword, "MicrosoftAppPassword is required for SingleTenant.", errors);
                break;
            case UserAssignedMsi:
                Require(hasId, "MicrosoftAppId (the managed identity's client id) is required for UserAssignedMSI.", errors);
                Require(hasTenant, "MicrosoftAppTenantId is required for UserAssignedMSI.", errors);
                Require(!hasPassword, "MicrosoftAppPassword must be empty for UserAssignedMSI.", errors);
                break;
            default:
                errors.Add("MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
                break;
        }
        return errors;
    }

    /// <summary>The canonical app type name, matched without regard to case; empty means MultiTenant.</summary>
    internal static string? Normalize(string? appType)
    {
        if (string.IsNullOrWhiteSpace(appType))
        {
            return MultiTenant;
        }
        foreach (var known in new[] { MultiTenant, SingleTenant, UserAssignedMsi })
        {
            if (string.Equals(appType.Trim(), known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return null;
    }

    private static void Require(bool condition, string message, List<string> errors)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }
}
