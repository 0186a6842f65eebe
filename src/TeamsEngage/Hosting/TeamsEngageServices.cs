using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Features.Directory;
using TeamsEngage.Features.Polls;
using TeamsEngage.Links;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Hosting;

/// <summary>The registrations behind Program.cs, one method per area.</summary>
public static partial class TeamsEngageServices
{
    /// <summary>The Bot Connector layer, with the routing table of the product.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Every handler runs inside the activity's tenant: the store refuses tenant data to code outside one.
        services.AddBotConnector(configuration, environment, routes => routes
            .OnActivity<InTenant<MessageHandler>>(ActivityTypes.Message)
            .OnActivity<InTenant<Welcomer>>(ActivityTypes.ConversationUpdate)
            .OnActivity<InTenant<Installations>>(ActivityTypes.InstallationUpdate)
            .OnInvoke<InTenantInvoke<CardActionInvokeHandler>>(InvokeNames.AdaptiveCardAction),
            cloudSetting: TeamsEngageOptions.Section + ":Cloud");
        services.AddScoped<MessageHandler>();
        services.AddScoped<Welcomer>();
        services.AddScoped<Installations>();
        services.AddScoped<CardActionInvokeHandler>();
        services.AddSingleton<TenantTurn>();

        services.AddOptions<TeamsEngageOptions>().BindConfiguration(TeamsEngageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsEngageOptions>, TenantRulesValidator>();
        services.AddOptions<BotEndpointOptions>().Configure<IOptions<TeamsEngageOptions>, IOptions<BotOptions>>((endpoint, product, bot) =>
        {
            foreach (var tenant in product.Value.EffectiveAllowedTenants(bot.Value.MicrosoftAppTenantId))
            {
                endpoint.AllowedTenants.Add(tenant);
            }
        });

        services.AddScoped<ITurnErrorHandler, TurnErrorHandler>();
        services.AddSingleton<BotRoutes>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<CardActionDispatcher>();

        // Files sent in a personal chat (calendar, directory CSV) are fetched from Teams' links through one client.
        services.AddOptions<IncomingFileOptions>().BindConfiguration(IncomingFileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(FileDownloads.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                MaxAutomaticRedirections = 3,
                ConnectCallback = new PublicAddresses(
                    provider.GetRequiredService<IOptions<IncomingFileOptions>>().Value.AllowLoopbackHttp || environment.IsDevelopment()).ConnectAsync,
            });
        services.AddSingleton<FileDownloads>();
        return services;
    }

    /// <summary>The directory core (people, departments, roles) and conversation references; no feature.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddConversationReferences();
        services.AddPeopleDirectory();
        return services;
    }

    /// <summary>Warns at start-up about settings that are legal but risky.</summary>
    public static void WarnAboutRiskySettings(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<IOptions<BotEndpointOptions>>().Value;
        if (endpoint.AllowedTenants.Count == 0 && !app.Environment.IsDevelopment())
        {
            if (app.Services.GetRequiredService<IOptions<TeamsEngageOptions>>().Value.AllowAnyTenant)
            {
                LogAnyTenant(app.Logger);
            }
            else
            {
                LogNoTenantAllowList(app.Logger);
            }
        }
        if (app.Environment.IsDevelopment())
        {
            return;
        }
        if (string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<PollsOptions>>().Value.VoterKeyPepper))
        {
            LogNoVoterKeyPepper(app.Logger);
        }
        if (string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<PublicLinkOptions>>().Value.LinkSigningKey))
        {
            LogStoredLinkKey(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TeamsEngage:AllowedTenants is empty and MicrosoftAppTenantId is not set: activities from every tenant are accepted.")]
    private static partial void LogNoTenantAllowList(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TeamsEngage:Polls:VoterKeyPepper is not set: while an anonymous poll is open, a copy of the store alone is enough to link its votes to people. Set it (base64, 32 bytes or more) in configuration or a Key Vault reference.")]
    private static partial void LogNoVoterKeyPepper(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "TeamsEngage:LinkSigningKey is not set: signed links use a key generated and kept in the store.")]
    private static partial void LogStoredLinkKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TeamsEngage:AllowAnyTenant is set: activities from every tenant are accepted, each tenant seeing only its own data.")]
    private static partial void LogAnyTenant(ILogger logger);
}
