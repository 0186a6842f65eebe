using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsEngage.Cards.Serialization;

/// <summary>Writes keywords and pixel sizes as strings and weights as numbers, as the schema expects.</summary>
internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ColumnWidth.Weighted(reader.GetInt32());
        }
        var text = reader.GetString();
        return text switch
        {
            "auto" => ColumnWidth.Auto,
            "stretch" => ColumnWidth.Stretch,
            _ when text is not null && text.EndsWith("px", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(0, text.Length - 2), out var px) => ColumnWidth.Pixels(px),
            _ => throw new JsonException($"Unknown column width '{text}'."),
        };
    }

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Keyword is null && !value.IsPixels)
        {
            writer.WriteNumberValue(value.Weight);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
