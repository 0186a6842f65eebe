using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsEngage.Cards.Serialization;

/// <summary>Writes the escaped absolute form, so a space or accent in a link cannot produce an invalid URL.</summary>
internal sealed class AbsoluteUriConverter : JsonConverter<Uri>
{
    public override Uri Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A URL cannot be null."), UriKind.RelativeOrAbsolute);

    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.IsAbsoluteUri ? value.AbsoluteUri : value.OriginalString);
}
