using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Client;

/// <summary>Registers the outbound side of the Bot Connector layer.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The User-Agent of every connector call.</summary>
    internal const string UserAgent = "TeamsEngage/1.0";

    private const string ProactiveHttpClient = "TeamsEngage.Connector.Proactive";

    /// <summary>
    /// Registers <see cref="ConnectorClientOptions"/> (section <c>Connector</c>, validated on start), the
    /// <see cref="IBotTokenProvider"/> chosen by <see cref="BotOptions"/> (which the host registers), a singleton
    /// <see cref="IServiceUrlTrust"/>, <see cref="IConnectorClient"/> as a typed HttpClient that retries throttling and
    /// transient failures, and, under <see cref="ConnectorClientKeys.Proactive"/>, a client that does not retry.
    /// Services registered before this call (a test's token provider, a fake <see cref="TimeProvider"/>) are kept.
    /// </summary>
    public static IServiceCollection AddBotConnectorClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ConnectorClientOptions>()
            .Bind(configuration.GetSection(ConnectorClientOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotCredentialsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ServiceUrlTrust(sp.GetRequiredService<IOptions<BotOptions>>()));
        services.TryAddSingleton<IServiceUrlTrust>(sp => sp.GetRequiredService<ServiceUrlTrust>());
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.TryAddSingleton<IBotTokenProvider>(sp => BotTokenProviderFactory.Create(
            sp.GetRequiredService<IOptions<BotOptions>>().Value,
            new MsalHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>())));

        AddInteractiveClient(services);
        AddProactiveClient(services);
        return services;
    }

    private static void AddInteractiveClient(IServiceCollection services)
    {
        var http = services.AddHttpClient<IConnectorClient, ConnectorClient>(http =>
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            // Each attempt has its own timeout in the pipeline; an overall one would cut retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        http.AddResilienceHandler(ConnectorResilience.RetryPipeline, (pipeline, context) => ConnectorResilience.AddRetry(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<ConnectorClientOptions>>().Value,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectorResilience).FullName!)));
        http.AddResilienceHandler(ConnectorResilience.AttemptTimeoutPipeline, (pipeline, context) => ConnectorResilience.AddAttemptTimeout(
            pipeline, context.ServiceProvider.GetRequiredService<IOptions<ConnectorClientOptions>>().Value));
    }

    private static void AddProactiveClient(IServiceCollection services)
    {
        services.AddHttpClient(ProactiveHttpClient, http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                // The caller times each send itself.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The client lives as long as the app, so connections are renewed by the handler instead of the factory.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddKeyedSingleton<IConnectorClient>(ConnectorClientKeys.Proactive, (sp, _) => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ProactiveHttpClient),
            sp.GetRequiredService<IBotTokenProvider>(),
            sp.GetRequiredService<ServiceUrlTrust>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>()));
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
