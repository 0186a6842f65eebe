using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Connector.Hosting;

/// <summary>Registers the Bot Connector layer and maps its messaging endpoint.</summary>
public static partial class BotConnectorExtensions
{
    /// <summary>
    /// Registers the bot identity (root configuration keys <c>MicrosoftApp*</c>), inbound authentication, the outbound
    /// connector client and the routing table. Without an app id, only the Development environment may start, and then anonymously.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The configuration root the Bot Framework keys are read from.</param>
    /// <param name="environment">The host environment (anonymous mode is for Development only).</param>
    /// <param name="routes">Declares the handlers.</param>
    /// <param name="cloudSetting">
    /// The configuration key that names the <see cref="BotCloud"/> preset (blank or missing: Public); start-up fails,
    /// naming this key, for an unknown cloud or one without Teams bots.
    /// </param>
    public static IServiceCollection AddBotConnector(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment,
        Action<ActivityRouter> routes,
        string cloudSetting = "Cloud")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(routes);

        services.AddOptions<BotOptions>()
            .Bind(configuration)
            .Configure(o => o.Cloud = configuration[cloudSetting])
            .PostConfigure(o => o.IsAnonymous = string.IsNullOrWhiteSpace(o.MicrosoftAppId) && environment.IsDevelopment())
            .Validate(o => !string.IsNullOrWhiteSpace(o.MicrosoftAppId) || environment.IsDevelopment(),
                "MicrosoftAppId is not set. Outside the Development environment the bot needs its identity: set MicrosoftAppType, MicrosoftAppId, MicrosoftAppTenantId and, unless it uses a managed identity, MicrosoftAppPassword.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>>(new BotCloudValidator(cloudSetting));
        services.AddMetrics();
        services.TryAddSingleton<ConnectorMetrics>();

        services.AddBotInboundAuthentication();
        services.AddBotConnectorClient(configuration);

        var router = new ActivityRouter();
        routes(router);
        services.AddSingleton(router);
        foreach (var handler in router.HandlerTypes)
        {
            services.AddScoped(handler);
        }
        services.AddSingleton<BotEndpoint>();
        return services;
    }

    /// <summary>Maps <c>POST {pattern}</c> (by convention <c>/api/messages</c>) to the messaging endpoint.</summary>
    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsEngage.Connector");
        if (options.IsAnonymous)
        {
            LogAnonymous(logger);
        }
        return endpoints.MapPost(pattern, (HttpContext http, BotEndpoint endpoint) => endpoint.HandleAsync(http));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ANONYMOUS MODE: MicrosoftAppId is empty in Development. Requests without a token are accepted and outbound calls carry none. Never run like this outside a developer's machine.")]
    private static partial void LogAnonymous(ILogger logger);
}

/// <summary>Fails start-up, naming the configuration key, when the cloud preset is unknown or has no Teams bots.</summary>
internal sealed class BotCloudValidator(string settingName) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) =>
        BotCloud.Problem(options?.Cloud, settingName) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
