using System.Text.Json;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Bot;

/// <summary>Answers <c>adaptiveCard/action</c> invokes (Action.Execute) with the card or message of the action.</summary>
public sealed class CardActionInvokeHandler(ICallerResolver callers, CardActionDispatcher actions) : IInvokeHandler
{
    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object)
        {
            return InvokeResponse.BadRequest("The invoke has no action.");
        }
        if (!action.TryGetProperty("type", out var type) || type.GetString() != "Action.Execute")
        {
            return InvokeResponse.BadRequest("Only Action.Execute is supported.");
        }
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var data = action.TryGetProperty("data", out var d) ? d : default;

        var caller = await callers.ResolveAsync(turn, cancellationToken).ConfigureAwait(false);
        var result = await actions.DispatchAsync(turn, caller, verb, data, cancellationToken).ConfigureAwait(false);
        return result.Card is not null ? InvokeResponse.Card(result.Card.ToJsonNode()) : InvokeResponse.Message(result.Message ?? string.Empty);
    }
}
