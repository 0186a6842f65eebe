using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Commands;

namespace TeamsEngage.Features.Help;

/// <summary><c>help</c> and the "Show what I can do" button: the commands the caller may use.</summary>
public static class HelpFeature
{
    public static IEndpointRouteBuilder MapHelp(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<BotRoutes>(BotCommands.Help, (command, routes, ct) =>
            command.Turn.SendAsync(Replies.Card(Card(command.Caller, routes), command.Texts.Help_Title), ct));
        bot.MapActions(new ActionReplies(TextKeys.Error_UnknownAction, TextKeys.Refused_Command, TextKeys.Error_UnknownAction))
            .Map<NoData, BotRoutes>(SharedVerbs.ShowHelp, Who.Everyone, (action, routes, _) =>
                Task.FromResult(CardActionResult.WithCard(Card(action.Caller, routes))));
        return app;
    }

    private static Cards.AdaptiveCard Card(Caller caller, BotRoutes routes) => HelpCards.Help(caller.Texts, routes.CommandsFor(caller.Role), caller.Role);
}
