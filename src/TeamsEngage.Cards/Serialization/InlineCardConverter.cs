using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamsEngage.Cards.Serialization;

/// <summary>
/// A card nested in Action.ShowCard inherits the outer card's version; parsers reject "$schema" and
/// "version" there, so they are left out.
/// </summary>
internal sealed class InlineCardConverter : JsonConverter<AdaptiveCard>
{
    public override AdaptiveCard Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Cards are written, never read.");

    public override void Write(Utf8JsonWriter writer, AdaptiveCard value, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(value, options)!.AsObject();
        node.Remove("$schema");
        node.Remove("version");
        node.WriteTo(writer, options);
    }
}
