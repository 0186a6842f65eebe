using System.Text.Json;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// Reads the connector's error bodies: the documented <c>{"error":{"code","message"}}</c>, and the Teams shape
/// <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",…}"}</c> whose message is itself JSON.
/// </summary>
internal sealed record ConnectorErrorBody(string? Code, string? Message)
{
    private const int MaxMessageLength = 300;

    public static ConnectorErrorBody Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new(null, null);
            }
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return new(ReadString(error, "code"), Trim(ReadString(error, "message")));
            }
            var message = ReadString(root, "message");
            var code = ReadSubCode(message) ?? ReadString(root, "errorCode") ?? ReadString(root, "code");
            return new(code, Trim(message));
        }
        catch (JsonException)
        {
            return new(null, null);
        }
    }

    private static string? ReadSubCode(string? message)
    {
        if (message is null || !message.TrimStart().StartsWith('{'))
        {
            return null;
        }
        try
        {
            using var inner = JsonDocument.Parse(message);
            return inner.RootElement.ValueKind == JsonValueKind.Object ? ReadString(inner.RootElement, "subCode") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string? Trim(string? message) =>
        message is { Length: > MaxMessageLength } ? message[..MaxMessageLength] : message;
}
