using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Auth;

/// <summary>DI registration of inbound authentication.</summary>
public static class InboundAuthenticationServiceCollectionExtensions
{
    private static readonly TimeSpan KeyFetchTimeout = TimeSpan.FromSeconds(30);
    private const long MaximumKeyDocumentBytes = 1024 * 1024;

    /// <summary>
    /// Registers <see cref="BotFrameworkAuthenticator"/> as the singleton <see cref="IInboundAuthenticator"/>, its named
    /// <see cref="HttpClient"/>, <see cref="InboundAuthenticationOptions"/> and <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered. <see cref="BotOptions"/> must be registered by the host; the metadata URL
    /// and key refresh interval are checked at start-up.
    /// </summary>
    public static IServiceCollection AddBotInboundAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<InboundAuthenticationOptions>().ValidateDataAnnotations().ValidateOnStart();
        // BotOptions is bound from the Bot Framework's own top-level keys; its rules span keys and depend on which parts
        // of the connector are in use, so each part registers the rule it needs.
        services.AddOptions<BotOptions>()
            .Validate(o => BotCloud.Find(o.Cloud) is null || MetadataUrlRule.TryParse(o.ResolveCloud().OpenIdMetadataUrl, out _, out _),
                $"{nameof(BotOptions.ToBotFromChannelOpenIdMetadataUrl)} must be https (plain http only for a loopback host).")
            .ValidateOnStart();

        services.AddHttpClient(BotFrameworkAuthenticator.HttpClientName, http =>
        {
            http.Timeout = KeyFetchTimeout;
            http.MaxResponseContentBufferSize = MaximumKeyDocumentBytes;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IInboundAuthenticator, BotFrameworkAuthenticator>();
        return services;
    }
}
