using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TeamsEngage.Storage.Sqlite;

/// <summary>
/// Serializes entity properties as one JSON object whose values are [type, value] pairs, so every type comes back
/// exactly as it was written (an int stays an int, a long a long, a double keeps every bit, dates keep their ticks).
/// </summary>
internal static class PropertyJson
{
    private const string String = "String";
    private const string Boolean = "Boolean";
    private const string Int32 = "Int32";
    private const string Int64 = "Int64";
    private const string Double = "Double";
    private const string DateTime = "DateTime";
    private const string Guid = "Guid";
    private const string Binary = "Binary";

    public static string Serialize(IReadOnlyDictionary<string, object?> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                if (value is null)
                {
                    continue;
                }
                writer.WriteStartArray(name);
                WriteValue(writer, value);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static Dictionary<string, object?> Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var type = property.Value[0].GetString();
            properties[property.Name] = ReadValue(type, property.Value[1]);
        }
        return properties;
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(String);
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteStringValue(Boolean);
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteStringValue(Int32);
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteStringValue(Int64);
                writer.WriteNumberValue(l);
                break;
            case double d:
                // "R" keeps every bit and also spells NaN and the infinities, which JSON numbers cannot hold.
                writer.WriteStringValue(Double);
                writer.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset d:
                writer.WriteStringValue(DateTime);
                writer.WriteStringValue(d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                break;
            case System.Guid g:
                writer.WriteStringValue(Guid);
                writer.WriteStringValue(g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteStringValue(Binary);
                writer.WriteBase64StringValue(bytes);
                break;
            default:
                throw new ArgumentException($"Unsupported property type {value.GetType().Name}.", nameof(value));
        }
    }

    private static object ReadValue(string? type, JsonElement value) => type switch
    {
        String => value.GetString()!,
        Boolean => value.GetBoolean(),
        Int32 => value.GetInt32(),
        Int64 => value.GetInt64(),
        Double => double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        DateTime => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        Guid => System.Guid.Parse(value.GetString()!),
        Binary => value.GetBytesFromBase64(),
        _ => throw new InvalidDataException($"Unknown property type tag '{type}' in the store."),
    };
}
