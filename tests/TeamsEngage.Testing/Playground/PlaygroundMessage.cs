using System.Text.Json.Nodes;

namespace TeamsEngage.Testing.Playground;

/// <summary>
/// One frame the Playground pushed on its conversation stream:
/// <c>{action: "createMessage" | "updateMessage" | "typing", actionConversationId, message: {...}}</c>.
/// </summary>
public sealed record PlaygroundMessage(string Action, string? ConversationId, JsonNode? Message, JsonNode Frame)
{
    public const string CreateAction = "createMessage";
    public const string UpdateAction = "updateMessage";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The Playground's id of the message; pass it as replyToId to submit or invoke on its card.</summary>
    public string? MessageId => Message?["messageId"]?.GetValue<string>();

    /// <summary>Who wrote the message (the bot id for bot messages).</summary>
    public string? FromId => Message?["from"]?["id"]?.GetValue<string>();

    public string? Text => Message?["text"]?.GetValue<string>();

    public bool IsCreateOrUpdate => Action is CreateAction or UpdateAction;

    public IReadOnlyList<JsonNode> Attachments =>
        Message?["attachments"] is JsonArray attachments
            ? attachments.Where(a => a is not null).Select(a => a!).ToList()
            : [];

    /// <summary>The content of the first Adaptive Card attachment, or null when there is none.</summary>
    public JsonNode? Card => Cards is [var first, ..] ? first : null;

    /// <summary>The contents of every Adaptive Card attachment, in order.</summary>
    public IReadOnlyList<JsonNode> Cards =>
        Attachments
            .Where(a => a["contentType"]?.GetValue<string>() == AdaptiveCardContentType && a["content"] is not null)
            .Select(a => a["content"]!)
            .ToList();

    internal static PlaygroundMessage Parse(string json)
    {
        var frame = JsonNode.Parse(json) ?? throw new FormatException("The Playground pushed an empty frame.");
        var action = frame["action"]?.GetValue<string>() ?? "";
        return new PlaygroundMessage(action, frame["actionConversationId"]?.GetValue<string>(), frame["message"], frame);
    }

    public override string ToString() => Frame.ToJsonString();
}
