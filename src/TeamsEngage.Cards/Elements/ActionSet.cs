namespace TeamsEngage.Cards;

/// <summary>Buttons placed inside the body rather than at the bottom of the card.</summary>
public sealed record ActionSet(params IReadOnlyList<CardAction> Actions) : CardElement;
