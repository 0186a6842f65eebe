using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Features.Directory;
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
        services.AddBotConnector(configuration, environment, routes => routes
            .OnActivity<MessageHandler>(ActivityTypes.Message)
            .OnActivity<Welcomer>(ActivityTypes.ConversationUpdate)
            .OnActivity<Installations>(ActivityTypes.InstallationUpdate)
            .OnInvoke<CardActionInvokeHandler>(InvokeNames.AdaptiveCardAction));

        services.AddOptions<TeamsEngageOptions>().BindConfiguration(TeamsEngageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotEndpointOptions>().Configure<IOptions<TeamsEngageOptions>, IOptions<BotOptions>>((endpoint, product, bot) =>
        {
            IEnumerable<string> tenants = product.Value.AllowedTenants;
            if (!tenants.Any(t => !string.IsNullOrWhiteSpace(t)) && !string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppTenantId))
            {
                tenants = [bot.Value.MicrosoftAppTenantId];
            }
            foreach (var tenant in tenants.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                endpoint.AllowedTenants.Add(tenant.Trim());
            }
        });

        services.AddScoped<ITurnErrorHandler, TurnErrorHandler>();
        services.AddSingleton<BotRoutes>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<CardActionDispatcher>();
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
            LogNoTenantAllowList(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TeamsEngage:AllowedTenants is empty and MicrosoftAppTenantId is not set: activities from every tenant are accepted.")]
    private static partial void LogNoTenantAllowList(ILogger logger);
}
