using System.Text.Json;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Bot;

/// <summary>
/// Handles <c>message</c> activities: typed commands, Action.Submit from cards (a message whose value carries a verb), and
/// files sent in a personal chat, which go to the feature that takes them.
/// </summary>
public sealed class MessageHandler(ICallerResolver callers, CommandDispatcher commands, CardActionDispatcher actions, IEnumerable<IFileReceiver> files) : IActivityHandler
{
    /// <summary>The data field that names the action of an Action.Submit.</summary>
    public const string VerbField = "verb";

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var caller = await callers.ResolveAsync(turn, cancellationToken).ConfigureAwait(false);
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            await SubmitAsync(turn, caller, value, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (IncomingFile.Of(turn.Activity) is { } file && files.FirstOrDefault(f => f.Takes(file)) is { } receiver)
        {
            await receiver.ReceiveAsync(turn, caller, file, cancellationToken).ConfigureAwait(false);
            return;
        }
        await commands.DispatchAsync(turn, caller, turn.Text, cancellationToken).ConfigureAwait(false);
    }

    private async Task SubmitAsync(TurnContext turn, Caller caller, JsonElement value, CancellationToken cancellationToken)
    {
        var verb = value.TryGetProperty(VerbField, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var result = await actions.DispatchAsync(turn, caller, verb, value, cancellationToken).ConfigureAwait(false);
        if (result.Card is not null && turn.Activity.ReplyToId is { } cardId)
        {
            await turn.UpdateCardAsync(cardId, result.Card.ToJsonNode(), cancellationToken).ConfigureAwait(false);
        }
        else if (result.Card is not null)
        {
            await turn.SendAsync(Replies.Card(result.Card), cancellationToken).ConfigureAwait(false);
        }
        if (result.Message is not null)
        {
            await turn.SendAsync(Replies.Text(result.Message), cancellationToken).ConfigureAwait(false);
        }
    }
}
