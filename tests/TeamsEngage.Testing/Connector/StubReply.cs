using System.Globalization;
using System.Text.Json;

namespace TeamsEngage.Testing.Connector;

/// <summary>A scripted answer of <see cref="ConnectorStub"/>: a status, a body and headers, or a dropped connection.</summary>
/// <param name="StatusCode">The HTTP status; 0 drops the connection without an answer.</param>
/// <param name="Body">A JSON body, or null.</param>
/// <param name="Headers">Extra response headers.</param>
public sealed record StubReply(int StatusCode, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A status with the documented error body <c>{"error":{"code","message"}}</c>.</summary>
    public static StubReply Error(int statusCode, string code, string message = "Scripted failure") =>
        new(statusCode, JsonSerializer.Serialize(new { error = new { code, message } }));

    /// <summary>A bare status with the documented error body, coded by the status name.</summary>
    public static StubReply Status(int statusCode) => Error(statusCode, "Status" + statusCode.ToString(CultureInfo.InvariantCulture));

    /// <summary>429 with <c>Retry-After</c> given as it should appear on the wire (seconds, or an HTTP-date), or none.</summary>
    public static StubReply Throttled(string? retryAfter = null) => new(
        429,
        JsonSerializer.Serialize(new { error = new { code = "TooManyRequests", message = "Too many requests" } }),
        retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    /// <summary>429 whose <c>Retry-After</c> is an HTTP-date.</summary>
    public static StubReply ThrottledUntil(DateTimeOffset until) => Throttled(until.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));

    /// <summary>Teams' 403 when the user blocked or removed the bot.</summary>
    public static StubReply MessageWritesBlocked() => new(
        403,
        JsonSerializer.Serialize(new
        {
            errorCode = 209,
            message = JsonSerializer.Serialize(new { subCode = "MessageWritesBlocked", message = "Thread is blocked" }),
        }));

    /// <summary>Closes the connection without answering, as a crashed or unreachable peer would.</summary>
    public static StubReply DropConnection() => new(0);
}
