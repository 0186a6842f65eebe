namespace TeamsEngage.Connector.Hosting;

/// <summary>
/// The bot's identity, under the configuration keys the Bot Framework world uses
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>).
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

    /// <summary>Where the channel's signing keys are published. Plain http is accepted only for a loopback host.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>
    /// Set by the host: no app id and the Development environment. Inbound requests without a token are
    /// accepted and outbound calls carry no token. Never true in any other environment.
    /// </summary>
    public bool IsAnonymous { get; set; }
}
