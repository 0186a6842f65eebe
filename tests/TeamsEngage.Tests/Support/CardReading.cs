using System.Text.Json.Nodes;

namespace TeamsEngage.Tests.Support;

/// <summary>What a card says and offers, read as a person would: its texts in order and its action titles.</summary>
public static class CardReading
{
    /// <summary>Every TextBlock and TextRun text and every fact, in document order (actions' own cards included).</summary>
    public static IReadOnlyList<string> Texts(JsonNode card)
    {
        var texts = new List<string>();
        Walk(card, texts);
        return texts;
    }

    /// <summary>Everything the card says, one text a line.</summary>
    public static string Said(JsonNode card) => string.Join('\n', Texts(card));

    /// <summary>The titles of the card's own actions (top-level buttons).</summary>
    public static IReadOnlyList<string> ActionTitles(JsonNode card) =>
        card["actions"] is JsonArray actions ? [.. actions.Select(a => a!["title"]!.GetValue<string>())] : [];

    /// <summary>The body's elements in order: an input by its id, anything else by its text (or its type).</summary>
    public static IReadOnlyList<string> BodyOutline(JsonNode card) =>
        [.. card["body"]!.AsArray().Select(e => e!["id"]?.GetValue<string>() is { } id ? "input:" + id : e["text"]?.GetValue<string>() ?? e["type"]!.GetValue<string>())];

    private static void Walk(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = obj["type"]?.GetValue<string>();
                if (type is "TextBlock" or "TextRun" && obj["text"] is JsonValue text)
                {
                    texts.Add(text.GetValue<string>());
                }
                if (obj["title"] is JsonValue title && obj["value"] is JsonValue value && type is null)
                {
                    texts.Add(title.GetValue<string>() + ": " + value.GetValue<string>());
                }
                foreach (var (_, child) in obj)
                {
                    Walk(child, texts);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, texts);
                }
                break;
        }
    }
}
