namespace TeamsEngage.Cards;

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction
{
    public Uri Url { get; } = CardUrls.RequireLink(Url);
}
