using System.Text.Json.Serialization;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Routing;

/// <summary>What the bot answers to an invoke: the HTTP status and the JSON body.</summary>
/// <param name="Status">The HTTP status of the response.</param>
/// <param name="Body">The body, serialized with <see cref="BotJson.Options"/>; null for an empty body.</param>
public sealed record InvokeResponse(int Status, object? Body)
{
    /// <summary>No handler for this invoke: 501, as the protocol expects.</summary>
    public static InvokeResponse NotImplemented { get; } = new(501, null);

    /// <summary>An Action.Execute answered with a card that replaces the card for the person who acted.</summary>
    public static InvokeResponse Card(object card) =>
        new(200, new AdaptiveCardInvokeBody(200, ContentTypes.AdaptiveCard, card));

    /// <summary>An Action.Execute answered with a short message shown to the person who acted.</summary>
    public static InvokeResponse Message(string message) =>
        new(200, new AdaptiveCardInvokeBody(200, ContentTypes.ActivityMessage, message));

    /// <summary>An Action.Execute refused or failed: HTTP 200 with the error status in the body, as Universal Actions require.</summary>
    public static InvokeResponse CardError(int statusCode, string code, string message) =>
        new(200, new AdaptiveCardInvokeBody(statusCode, ContentTypes.Error, new InvokeError(code, message)));

    /// <summary>A malformed Action.Execute invoke: HTTP 400 with the error body.</summary>
    public static InvokeResponse BadRequest(string message) =>
        new(400, new AdaptiveCardInvokeBody(400, ContentTypes.Error, new InvokeError("BadRequest", message)));

    /// <summary>A dialog (task module) showing an Adaptive Card.</summary>
    public static InvokeResponse TaskCard(string title, object card, object? height = null, object? width = null) =>
        new(200, new TaskModuleResponse(new TaskModuleResponseBody("continue",
            new TaskInfo(title, height ?? "medium", width ?? "medium", new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }))));

    /// <summary>Closes a dialog and shows a message.</summary>
    public static InvokeResponse TaskMessage(string message) =>
        new(200, new TaskModuleResponse(new TaskModuleResponseBody("message", message)));

    /// <summary>Closes a dialog silently.</summary>
    public static InvokeResponse TaskClose { get; } = new(200, null);
}

/// <summary>The Universal Actions response body: <c>{statusCode, type, value}</c>.</summary>
public sealed record AdaptiveCardInvokeBody(int StatusCode, string Type, object? Value);

/// <summary>The error object of an invoke response.</summary>
public sealed record InvokeError(string Code, string Message);

/// <summary>The body of a task module response: <c>{task: {...}}</c>.</summary>
public sealed record TaskModuleResponse(TaskModuleResponseBody Task);

/// <summary>A task module continuation (<c>continue</c> with a TaskInfo) or a closing message (<c>message</c>).</summary>
public sealed record TaskModuleResponseBody(string Type, object Value);

/// <summary>What a dialog shows.</summary>
public sealed record TaskInfo(
    string Title,
    object Height,
    object Width,
    Attachment Card,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CompletionBotId = null);
