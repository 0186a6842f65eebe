using TeamsEngage.Commands;

namespace TeamsEngage.Bot;

// Transitional: features not yet declared in a Map…() table keep their classes; these adapters put them in the table.

/// <summary>A card action as a class (transitional).</summary>
public interface ICardAction
{
    string Verb { get; }

    Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken);
}

/// <summary>A command as a class (transitional).</summary>
public interface ICommand
{
    BotCommand Command { get; }

    Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}

/// <summary>A free-text handler as a class (transitional).</summary>
public interface IFreeTextHandler
{
    int Order { get; }

    Task<bool> TryHandleAsync(CommandContext context, CancellationToken cancellationToken);
}

public static class LegacyRoutes
{
    public static T? DataAs<T>(this CardActionContext context) where T : class => CardData.Bind<T>(context.RawData);

    public static IEndpointRouteBuilder MapLegacyClasses(this IEndpointRouteBuilder app)
    {
        var routes = app.BotRoutes();
        var replies = new ActionReplies("Error_UnknownAction", "Refused_Command", "Error_UnknownAction");
        foreach (var action in app.ServiceProvider.GetServices<ICardAction>())
        {
            routes.Add(new ActionRoute(action.Verb, Who.Everyone, replies, action.ExecuteAsync));
        }
        foreach (var command in app.ServiceProvider.GetServices<ICommand>())
        {
            routes.MapCommand<IServiceProvider>(command.Command, (context, _, ct) => command.ExecuteAsync(context, ct));
        }
        foreach (var handler in app.ServiceProvider.GetServices<IFreeTextHandler>())
        {
            routes.MapFreeText<IServiceProvider>(handler.Order, (context, _, ct) => handler.TryHandleAsync(context, ct));
        }
        return app;
    }
}
