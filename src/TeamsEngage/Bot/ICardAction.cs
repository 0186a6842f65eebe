using System.Text.Json;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Bot;

/// <summary>
/// What a button on a card does, by verb. The same action answers an Action.Execute invoke and an Action.Submit
/// message; its data comes from the card and can be forged, so every action re-checks the caller's rights.
/// </summary>
public interface ICardAction
{
    /// <summary>The verb on the card.</summary>
    string Verb { get; }

    /// <summary>Carries out the action and returns what the person sees.</summary>
    Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken);
}

/// <summary>An action being carried out: the turn, the caller, the verb, the card's data and the id of the card's message.</summary>
public sealed record CardActionContext(TurnContext Turn, Caller Caller, string Verb, JsonElement Data, string? CardActivityId)
{
    /// <summary>Reads the card's data as <typeparamref name="T"/>, or null when it does not have that shape.</summary>
    public T? DataAs<T>() where T : class
    {
        if (Data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        try
        {
            return Data.Deserialize<T>(CardData.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The outcome of a card action: a card that replaces the acted-on card for this person, or a message.</summary>
public sealed record CardActionResult(AdaptiveCard? Card, string? Message)
{
    /// <summary>Replace the card for this person.</summary>
    public static CardActionResult WithCard(AdaptiveCard card) => new(card, null);

    /// <summary>Tell the person something (a confirmation or a refusal).</summary>
    public static CardActionResult WithMessage(string message) => new(null, message);
}

/// <summary>How card action data is read and written.</summary>
public static class CardData
{
    /// <summary>camelCase, case-insensitive reading.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
