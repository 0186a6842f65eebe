using System.Text.Json;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Testing.Connector;

/// <summary>One request as <see cref="ConnectorStub"/> received it, with the status it answered.</summary>
/// <param name="Route">The operation, from verb and path.</param>
/// <param name="Method">The HTTP verb.</param>
/// <param name="RawPath">The request target as sent (escaped), query included.</param>
/// <param name="Path">The path with escapes decoded, without the query.</param>
/// <param name="ConversationId">The decoded conversation id, when the path has one.</param>
/// <param name="ActivityId">The decoded activity id, when the path has one.</param>
/// <param name="MemberId">The decoded member id, when the path has one.</param>
/// <param name="Query">Decoded query values.</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="UserAgent">The User-Agent header, or null.</param>
/// <param name="Body">The raw body text (empty when none).</param>
/// <param name="ResponseStatus">The status the stub answered (0 when it dropped the connection).</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record RecordedRequest(
    ConnectorRoute Route,
    string Method,
    string RawPath,
    string Path,
    string? ConversationId,
    string? ActivityId,
    string? MemberId,
    IReadOnlyDictionary<string, string> Query,
    string? Authorization,
    string? UserAgent,
    string Body,
    int ResponseStatus,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Whether the stub answered with a 2xx status.</summary>
    public bool Succeeded => ResponseStatus is >= 200 and < 300;

    /// <summary>The body as JSON, or null when there is none.</summary>
    public JsonElement? Json
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Body))
            {
                return null;
            }
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The body read as <typeparamref name="T"/> with the wire conventions.</summary>
    public T? ReadBody<T>() => string.IsNullOrWhiteSpace(Body) ? default : JsonSerializer.Deserialize<T>(Body, BotJson.Options);

    /// <summary>The body read as an activity (send, reply, update).</summary>
    public Activity? ReadActivity() => ReadBody<Activity>();
}
