using System.Text.Json.Nodes;

namespace TeamsEngage.Connector.Schema;

/// <summary>The message activities a bot sends: markdown text, or one Adaptive Card.</summary>
public static class MessageActivities
{
    /// <summary>A message whose text is markdown.</summary>
    public static Activity Text(string markdown) => new() { Type = ActivityTypes.Message, Text = markdown, TextFormat = "markdown" };

    /// <summary>
    /// A message carrying one Adaptive Card, given as its JSON. <paramref name="summary"/> is what Teams shows in the
    /// notification and the chat list, since a card alone has no text to show there.
    /// </summary>
    public static Activity Card(JsonNode card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
    };
}
