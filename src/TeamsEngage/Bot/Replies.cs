using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Bot;

/// <summary>Outbound message shapes over the typed card model. Text replies are markdown; they never contain text a user typed.</summary>
public static class Replies
{
    /// <summary>A markdown text message.</summary>
    public static Activity Text(string markdown) => MessageActivities.Text(markdown);

    /// <summary>A markdown text message with a card under it, for buttons that go with the text.</summary>
    public static Activity TextWithCard(string markdown, AdaptiveCard card)
    {
        var activity = MessageActivities.Card(card.ToJsonNode());
        activity.Text = markdown;
        activity.TextFormat = "markdown";
        return activity;
    }

    /// <summary>A message carrying one Adaptive Card.</summary>
    public static Activity Card(AdaptiveCard card, string? summary = null) => MessageActivities.Card(card.ToJsonNode(), summary);
}
