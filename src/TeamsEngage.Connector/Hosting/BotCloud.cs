namespace TeamsEngage.Connector.Hosting;

/// <summary>
/// The Bot Framework endpoints of one Microsoft cloud, as a preset: the channel service, the authority and scope of the
/// bot's outbound token, the issuer and OpenID metadata of the channel's inbound token, and the Teams service hosts the
/// bot's token may be sent to without having seen them on an authenticated activity first.
/// </summary>
/// <param name="Name">The preset's name, as configured.</param>
/// <param name="ChannelService">The channel service the bot is registered with; empty for the public cloud (the Bot Framework's convention).</param>
/// <param name="LoginUrl">The authority of multi-tenant bots' outbound tokens; single-tenant bots use its host with their own tenant.</param>
/// <param name="OAuthScope">The resource of outbound tokens; the client-credentials scope is this plus <c>/.default</c>.</param>
/// <param name="TokenIssuer">The only issuer accepted on the channel's inbound tokens.</param>
/// <param name="OpenIdMetadataUrl">Where the channel publishes the keys that sign its inbound tokens.</param>
/// <param name="ServiceHosts">The Teams connector hosts of this cloud.</param>
public sealed record BotCloud(
    string Name,
    string ChannelService,
    string LoginUrl,
    string OAuthScope,
    string TokenIssuer,
    string OpenIdMetadataUrl,
    IReadOnlyList<string> ServiceHosts)
{
    /// <summary>The public cloud's preset name (the default).</summary>
    public const string PublicName = "Public";

    /// <summary>The US Government Community Cloud's preset name.</summary>
    public const string USGovGccName = "USGovGcc";

    /// <summary>The US Government Community Cloud High's preset name.</summary>
    public const string USGovGccHighName = "USGovGccHigh";

    private const string PublicLoginUrl = "https://login.microsoftonline.com/botframework.com";
    private const string PublicScope = "https://api.botframework.com";
    private const string PublicMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Azure public cloud: the Bot Framework channel at botframework.com, Teams at smba.trafficmanager.net.</summary>
    public static BotCloud Public { get; } = new(
        PublicName, string.Empty, PublicLoginUrl, PublicScope, PublicScope, PublicMetadata, ["smba.trafficmanager.net"]);

    /// <summary>
    /// GCC: Teams bots of GCC tenants are registered in the Azure public cloud and use its channel, so only the Teams
    /// service host differs.
    /// </summary>
    public static BotCloud USGovGcc { get; } = new(
        USGovGccName, string.Empty, PublicLoginUrl, PublicScope, PublicScope, PublicMetadata, ["smba.infra.gcc.teams.microsoft.com"]);

    /// <summary>GCC High: the US Government channel (Azure Government) and its own Teams service host.</summary>
    public static BotCloud USGovGccHigh { get; } = new(
        USGovGccHighName,
        "https://botframework.azure.us",
        "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
        "https://api.botframework.us",
        "https://api.botframework.us",
        "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        ["smba.infra.gov.teams.microsoft.us"]);

    /// <summary>Every preset a bot can run in.</summary>
    public static IReadOnlyList<BotCloud> All { get; } = [Public, USGovGcc, USGovGccHigh];

    // Names people use for the DoD cloud, where the Bot Framework offers no Teams bots.
    private static readonly string[] DoDNames = ["USGovDoD", "DoD", "USGovDod", "GccDoD"];

    /// <summary>The preset of this name (case-insensitive; blank means <see cref="Public"/>), or null when there is none.</summary>
    public static BotCloud? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Public;
        }
        return All.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What is wrong with a configured cloud name, in a sentence naming <paramref name="settingName"/>; null when it is usable.</summary>
    public static string? Problem(string? name, string settingName)
    {
        if (Find(name) is not null)
        {
            return null;
        }
        var known = string.Join(", ", All.Select(c => c.Name));
        if (DoDNames.Contains(name!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return $"{settingName} is '{name}', but Teams bots are not available in the DoD cloud. Use one of: {known}.";
        }
        return $"{settingName} is '{name}', which is not a known cloud. Use one of: {known}.";
    }

    /// <summary>The client-credentials scope of outbound tokens.</summary>
    public string ClientCredentialsScope => OAuthScope.EndsWith("/.default", StringComparison.Ordinal) ? OAuthScope : OAuthScope.TrimEnd('/') + "/.default";

    /// <summary>The managed-identity resource of outbound tokens.</summary>
    public string ManagedIdentityResource => OAuthScope.EndsWith("/.default", StringComparison.Ordinal) ? OAuthScope[..^"/.default".Length] : OAuthScope;

    /// <summary>The authority of a single-tenant bot: the login host with the bot's own tenant.</summary>
    public string AuthorityFor(string tenant)
    {
        var login = new Uri(LoginUrl);
        return login.GetLeftPart(UriPartial.Authority) + "/" + Uri.EscapeDataString(tenant);
    }
}
