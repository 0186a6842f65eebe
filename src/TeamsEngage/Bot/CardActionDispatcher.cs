using System.Text.Json;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Bot;

/// <summary>Finds the card action for a verb and runs it for the caller.</summary>
public sealed class CardActionDispatcher(IEnumerable<ICardAction> actions)
{
    private readonly Dictionary<string, ICardAction> _byVerb = BuildTable(actions);

    /// <summary>Runs the action named by <paramref name="verb"/>; an unknown verb gets a polite message.</summary>
    public Task<CardActionResult> DispatchAsync(TurnContext turn, Caller caller, string? verb, JsonElement data, CancellationToken cancellationToken)
    {
        if (verb is null || !_byVerb.TryGetValue(verb, out var action))
        {
            return Task.FromResult(CardActionResult.WithMessage(caller.Texts["Error_UnknownAction"]));
        }
        return action.ExecuteAsync(new CardActionContext(turn, caller, verb, data, turn.Activity.ReplyToId), cancellationToken);
    }

    private static Dictionary<string, ICardAction> BuildTable(IEnumerable<ICardAction> actions)
    {
        var table = new Dictionary<string, ICardAction>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!table.TryAdd(action.Verb, action))
            {
                throw new InvalidOperationException($"Two card actions claim the verb '{action.Verb}'.");
            }
        }
        return table;
    }
}
