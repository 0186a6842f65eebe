using Microsoft.Identity.Client;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Client;

/// <summary>Chooses the token provider that matches <see cref="BotOptions"/>.</summary>
internal static class BotTokenProviderFactory
{
    /// <summary>
    /// Returns the anonymous provider when <see cref="BotOptions.IsAnonymous"/>, else the MSAL provider of the app type.
    /// Throws <see cref="InvalidOperationException"/> listing every problem when the credentials are incomplete.
    /// </summary>
    public static IBotTokenProvider Create(BotOptions options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsAnonymous)
        {
            return new AnonymousBotTokenProvider();
        }
        var errors = BotCredentials.Validate(options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Bot credentials are incomplete: " + string.Join(" ", errors));
        }
        // The cloud decides where tokens come from and what they are for; the app type decides whose tenant asks.
        var cloud = options.ResolveCloud();
        return BotCredentials.Normalize(options.MicrosoftAppType) switch
        {
            BotCredentials.UserAssignedMsi => new ManagedIdentityBotTokenProvider(options.MicrosoftAppId!, cloud.ManagedIdentityResource, httpClientFactory),
            BotCredentials.SingleTenant => new ClientSecretBotTokenProvider(
                options.MicrosoftAppId!, options.MicrosoftAppPassword!, cloud.AuthorityFor(options.MicrosoftAppTenantId!), cloud.ClientCredentialsScope, httpClientFactory),
            _ => new ClientSecretBotTokenProvider(
                options.MicrosoftAppId!, options.MicrosoftAppPassword!, cloud.LoginUrl, cloud.ClientCredentialsScope, httpClientFactory),
        };
    }
}

/// <summary>Lets MSAL use clients from <see cref="IHttpClientFactory"/>, so its connections are pooled and rotated.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string ClientName = "TeamsEngage.Identity";

    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
