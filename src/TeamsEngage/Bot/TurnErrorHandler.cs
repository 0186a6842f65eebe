using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;

namespace TeamsEngage.Bot;

/// <summary>What a person sees when a handler fails: a plain apology in their language, never a stack trace.</summary>
public sealed class TurnErrorHandler : ITurnErrorHandler
{
    public Task OnMessageErrorAsync(TurnContext turn, Exception exception, CancellationToken cancellationToken) =>
        turn.SendAsync(Replies.Text(TextsOf(turn)[TextKeys.Error_Generic]), cancellationToken);

    public InvokeResponse OnInvokeError(TurnContext turn, Exception exception) =>
        InvokeResponse.Message(TextsOf(turn)[TextKeys.Error_CardAction]);

    private static Texts TextsOf(TurnContext turn) => Texts.For(null, turn.Activity.GetLocale());
}
