using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsEngage.Cards.Tests;

internal static class CardJsonAssert
{
    public static JsonObject Serialize(CardElement element) =>
        JsonSerializer.SerializeToNode(element, CardJson.Options)!.AsObject();

    public static JsonObject Serialize(CardAction action) =>
        JsonSerializer.SerializeToNode(action, CardJson.Options)!.AsObject();

    /// <summary>Asserts the exact JSON text, which also pins the property order.</summary>
    public static void Equal(string expected, JsonNode actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual.ToJsonString());

    public static void TypeIsFirst(string type, JsonObject json)
    {
        var first = json.First();
        Assert.Equal("type", first.Key);
        Assert.Equal(type, first.Value!.GetValue<string>());
    }
}
