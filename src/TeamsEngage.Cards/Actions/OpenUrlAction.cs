namespace TeamsEngage.Cards;

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction;
