namespace TeamsEngage.Cards;

/// <summary>Expands a nested card under the button, without a round trip to the bot.</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction;
