using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Client;

/// <summary>Registers the outbound side of the Bot Connector layer.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The User-Agent of every connector call.</summary>
    public const string UserAgent = "TeamsEngage/1.0";

    /// <summary>
    /// Registers <see cref="ConnectorClientOptions"/> (section <c>Connector</c>, validated on start), the
    /// <see cref="IBotTokenProvider"/> chosen by <see cref="BotOptions"/> (which the host registers), a singleton
    /// <see cref="ServiceUrlTrust"/>, and <see cref="IConnectorClient"/> as a typed HttpClient with <see cref="ConnectorRetryHandler"/>.
    /// Services registered before this call (a test's token provider, a fake <see cref="TimeProvider"/>) are kept.
    /// </summary>
    public static IServiceCollection AddBotConnectorClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ConnectorClientOptions>()
            .Bind(configuration.GetSection(ConnectorClientOptions.SectionName))
            .Validate(o => !o.Validate().Any(), "The Connector section is invalid: MaxAttempts must be at least 1, delays non-negative, AttemptTimeout positive.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotCredentialsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceUrlTrust>();
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.TryAddSingleton<IBotTokenProvider>(sp => BotTokenProviderFactory.Create(
            sp.GetRequiredService<IOptions<BotOptions>>().Value,
            new MsalHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>())));

        services.TryAddTransient<ConnectorRetryHandler>();
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                // Each attempt has its own timeout in the retry handler; an overall one would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<ConnectorRetryHandler>();
        return services;
    }
}

/// <summary>Fails start-up (with ValidateOnStart on BotOptions) when the outbound credentials are incomplete.</summary>
internal sealed class BotCredentialsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var errors = BotCredentials.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
