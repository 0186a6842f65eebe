using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Bot;

/// <summary>Outbound message shapes. Text replies are markdown; they never contain text a user typed.</summary>
public static class Replies
{
    /// <summary>A markdown text message.</summary>
    public static Activity Text(string markdown) => new() { Type = ActivityTypes.Message, Text = markdown, TextFormat = "markdown" };

    /// <summary>A message carrying one Adaptive Card.</summary>
    public static Activity Card(AdaptiveCard card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card.ToJsonNode() }],
    };
}
