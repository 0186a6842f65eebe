using System.Text.Json;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Bot;

/// <summary>
/// Runs the card action a verb names for the caller. The role check and the refusal sentences live here, once:
/// an unknown verb, a caller outside the action's audience and a refusal returned by a handler all become the
/// feature's sentence in the caller's language.
/// </summary>
public sealed class CardActionDispatcher(BotRoutes routes)
{
    public async Task<CardActionResult> DispatchAsync(TurnContext turn, Caller caller, string? verb, JsonElement data, CancellationToken cancellationToken)
    {
        var route = verb is null ? null : routes.FindAction(verb);
        if (route is null)
        {
            return CardActionResult.WithMessage(caller.Texts.Error_UnknownAction);
        }
        if (!route.Audience.Admits(caller.Role))
        {
            return CardActionResult.WithMessage(route.Replies.For(ActionRefusal.Refused, caller.Texts));
        }
        var result = await route.Run(new CardActionContext(turn, caller, route.Verb, data, turn.Activity.ReplyToId), cancellationToken).ConfigureAwait(false);
        return result.Refusal is { } refusal ? CardActionResult.WithMessage(route.Replies.For(refusal, caller.Texts)) : result;
    }
}
