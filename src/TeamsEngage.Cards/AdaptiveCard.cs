namespace TeamsEngage.Cards;

/// <summary>Placeholder replaced by the typed card model.</summary>
public sealed class AdaptiveCard;
