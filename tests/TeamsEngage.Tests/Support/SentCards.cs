using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Tests.Support;

/// <summary>Reads what matters from cards the bot sent.</summary>
public static class SentCards
{
    /// <summary>The Adaptive Card of a message, as JSON.</summary>
    public static JsonNode CardOf(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments ?? []);
        Assert.Equal(ContentTypes.AdaptiveCard, attachment.ContentType);
        return attachment.Content switch
        {
            JsonElement element => JsonNode.Parse(element.GetRawText())!,
            JsonNode node => node,
            var other => JsonSerializer.SerializeToNode(other)!,
        };
    }

    /// <summary>The text of the card's first TextBlock.</summary>
    public static string? TitleOf(Activity activity) => TitleOf(CardOf(activity));

    /// <summary>The text of the card's first TextBlock.</summary>
    public static string? TitleOf(JsonNode card) =>
        card["body"]!.AsArray().FirstOrDefault(e => e?["type"]?.GetValue<string>() == "TextBlock")?["text"]?.GetValue<string>();

    /// <summary>Every string in the card, for "contains" checks.</summary>
    public static string AllText(JsonNode card) => card.ToJsonString();
}
