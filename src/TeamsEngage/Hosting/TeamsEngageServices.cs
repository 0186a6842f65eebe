using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.People;
using TeamsEngage.Features.Help;
using TeamsEngage.Features.Welcome;
using TeamsEngage.Outbox;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Hosting;

/// <summary>The registrations behind Program.cs, one method per area.</summary>
public static partial class TeamsEngageServices
{
    /// <summary>The Bot Connector layer, with the routing table of the product.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddBotConnector(configuration, environment, routes => routes
            .OnActivity<MessageHandler>(ActivityTypes.Message)
            .OnActivity<WelcomeHandler>(ActivityTypes.ConversationUpdate)
            .OnActivity<InstallationHandler>(ActivityTypes.InstallationUpdate)
            .OnInvoke<CardActionInvokeHandler>(InvokeNames.AdaptiveCardAction));

        services.AddOptions<TeamsEngageOptions>().BindConfiguration(TeamsEngageOptions.Section);
        services.AddOptions<BotEndpointOptions>().Configure<IConfiguration, IOptions<BotOptions>>((endpoint, config, bot) =>
        {
            var tenants = config.GetSection($"{TeamsEngageOptions.Section}:AllowedTenants").Get<string[]>() ?? [];
            if (tenants.Length == 0 && !string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppTenantId))
            {
                tenants = [bot.Value.MicrosoftAppTenantId];
            }
            foreach (var tenant in tenants.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                endpoint.AllowedTenants.Add(tenant.Trim());
            }
        });

        services.AddScoped<ITurnErrorHandler, TurnErrorHandler>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<CardActionDispatcher>();
        return services;
    }

    /// <summary>People, roles and conversation references.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddConversationReferences();
        services.AddDirectory();
        return services;
    }

    /// <summary>The features: their commands and card actions.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddStoreTable(WelcomeLedger.TableName);
        services.AddSingleton<WelcomeLedger>();
        services.AddSingleton<ICommand, HelpCommand>();
        services.AddSingleton<ICardAction, ShowHelpAction>();
        return services;
    }

    /// <summary>Warns at start-up about settings that are legal but risky.</summary>
    public static void WarnAboutRiskySettings(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<IOptions<BotEndpointOptions>>().Value;
        if (endpoint.AllowedTenants.Count == 0 && !app.Environment.IsDevelopment())
        {
            LogNoTenantAllowList(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TeamsEngage:AllowedTenants is empty and MicrosoftAppTenantId is not set: activities from every tenant are accepted.")]
    private static partial void LogNoTenantAllowList(ILogger logger);
}
