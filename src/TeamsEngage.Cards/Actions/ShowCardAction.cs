using System.Text.Json.Serialization;
using TeamsEngage.Cards.Serialization;

namespace TeamsEngage.Cards;

/// <summary>Expands a nested card under the button, without a round trip to the bot.</summary>
public sealed record ShowCardAction(string Title, [property: JsonConverter(typeof(InlineCardConverter))] AdaptiveCard Card)
    : CardAction;
