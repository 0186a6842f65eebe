using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.People;

namespace TeamsEngage.Features.Help;

/// <summary><c>help</c> and the "Show what I can do" button: the commands the caller may use.</summary>
public static class HelpFeature
{
    public static IEndpointRouteBuilder MapHelp(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<HelpDesk>(BotCommands.Help, async (command, desk, ct) =>
            await command.Turn.SendAsync(Replies.Card(await desk.CardAsync(command.Caller, ct).ConfigureAwait(false), command.Texts.Help_Title), ct).ConfigureAwait(false));
        bot.MapActions(new ActionReplies(TextKeys.Error_UnknownAction, TextKeys.Refused_Command, TextKeys.Error_UnknownAction))
            .Map<NoData, HelpDesk>(SharedVerbs.ShowHelp, Who.Everyone, async (action, desk, ct) =>
                CardActionResult.WithCard(await desk.CardAsync(action.Caller, ct).ConfigureAwait(false)));
        return app;
    }

    public static IServiceCollection AddHelp(this IServiceCollection services) => services.AddSingleton<HelpDesk>();
}

/// <summary>The help card for one caller: their role's commands, and for a liaison the departments she covers.</summary>
public sealed class HelpDesk(BotRoutes routes, IPeopleDirectory directory)
{
    public async Task<Cards.AdaptiveCard> CardAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        IReadOnlyList<string>? covered = caller.Role == Role.Liaison && caller.PersonKey is { } key
            ? await directory.CoveredByAsync(key, cancellationToken).ConfigureAwait(false)
            : null;
        return HelpCards.Help(caller.Texts, routes.CommandsFor(caller.Role), caller.Role, covered);
    }
}
