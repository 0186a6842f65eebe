using System.Text.Json;

namespace TeamsEngage.Outbox;

/// <summary>
/// How outbox payloads are written and read: one serializer setting for every feature, so a payload written by
/// <see cref="OutboxMessage.Create{TPayload}"/> is always read back the same way by <see cref="OutboxRenderer{TPayload}"/>.
/// Property names are matched without regard to case, so payloads stored before this setting existed still read.
/// </summary>
public static class OutboxPayload
{
    /// <summary>The serializer setting of every payload (web defaults: camelCase, case-insensitive reads). Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The payload as stored on an outbox row.</summary>
    public static string Serialize<TPayload>(TPayload payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>The payload read back, or null when it is missing or not valid JSON of that shape.</summary>
    public static TPayload? Deserialize<TPayload>(string? payload)
        where TPayload : class
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TPayload>(payload, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
