namespace TeamsEngage.Connector.Hosting;

/// <summary>
/// The bot's identity and channel endpoints, under the configuration keys the Bot Framework world uses
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>,
/// <c>ChannelService</c>, <c>ToChannelFromBotLoginUrl</c>, <c>ToChannelFromBotOAuthScope</c>,
/// <c>ToBotFromChannelTokenIssuer</c>, <c>ToBotFromChannelOpenIdMetadataUrl</c>).
/// </summary>
public sealed class BotOptions
{
    /// <summary>The public-cloud channel's OpenID metadata document.</summary>
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary><c>MultiTenant</c>, <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    /// <summary>The bot's app id. Empty only for anonymous local development.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret (MultiTenant, SingleTenant). Never in appsettings.json.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The bot's home tenant (SingleTenant, UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>The name of the <see cref="BotCloud"/> preset whose endpoints apply where no key below is set; blank means Public.</summary>
    public string? Cloud { get; set; }

    /// <summary>Overrides the preset's channel service.</summary>
    public string? ChannelService { get; set; }

    /// <summary>Overrides the preset's authority for outbound tokens (multi-tenant; single-tenant bots keep its host with their tenant).</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Overrides the preset's resource for outbound tokens.</summary>
    public string? ToChannelFromBotOAuthScope { get; set; }

    /// <summary>Overrides the preset's issuer of inbound tokens.</summary>
    public string? ToBotFromChannelTokenIssuer { get; set; }

    /// <summary>Overrides where the channel's signing keys are published. Plain http is accepted only for a loopback host.</summary>
    public string? ToBotFromChannelOpenIdMetadataUrl { get; set; }

    /// <summary>
    /// Set by the host: no app id and the Development environment. Inbound requests without a token are
    /// accepted and outbound calls carry none. Never true in any other environment.
    /// </summary>
    public bool IsAnonymous { get; set; }

    /// <summary>
    /// The endpoints in force: the <see cref="Cloud"/> preset with every key that is set laid over it. Throws
    /// <see cref="InvalidOperationException"/> for an unknown cloud (start-up validation refuses it first).
    /// </summary>
    public BotCloud ResolveCloud()
    {
        var preset = BotCloud.Find(Cloud)
            ?? throw new InvalidOperationException(BotCloud.Problem(Cloud, nameof(Cloud)));
        return preset with
        {
            ChannelService = Pick(ChannelService, preset.ChannelService),
            LoginUrl = Pick(ToChannelFromBotLoginUrl, preset.LoginUrl),
            OAuthScope = Pick(ToChannelFromBotOAuthScope, preset.OAuthScope),
            TokenIssuer = Pick(ToBotFromChannelTokenIssuer, preset.TokenIssuer),
            OpenIdMetadataUrl = Pick(ToBotFromChannelOpenIdMetadataUrl, preset.OpenIdMetadataUrl),
        };
    }

    private static string Pick(string? configured, string preset) =>
        string.IsNullOrWhiteSpace(configured) ? preset : configured.Trim();
}
