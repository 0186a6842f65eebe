using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TeamsEngage.Cards.Serialization;

namespace TeamsEngage.Cards;

/// <summary>The one serializer configuration every card goes through.</summary>
public static class CardJson
{
    /// <summary>camelCase names, nulls omitted, enums as the schema's strings; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Cards travel as JSON over HTTPS, never inside HTML, so accents and '<' can stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new ColumnWidthConverter());
        options.Converters.Add(new AbsoluteUriConverter());
        options.MakeReadOnly();
        return options;
    }
}
