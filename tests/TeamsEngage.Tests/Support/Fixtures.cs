using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsEngage.Tests.Support;

/// <summary>Activity JSON fixtures from the Fixtures folder, with their {{placeholders}} filled in.</summary>
public static class Fixtures
{
    public const string TenantId = "6f1d7e5a-3c0b-4b7e-9a51-2d8c4f0e9b11";
    public const string BotAppId = "0c5b8f63-7e3a-4d25-b1f4-9a8e2c6d3f70";

    /// <summary>A second district served by the same deployment.</summary>
    public const string OtherTenantId = "b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c4d";

    /// <summary>Reads and writes the store directly as the home tenant would (tests that inspect what a turn stored).</summary>
    public static IDisposable InHomeTenant() => TeamsEngage.Storage.TenantScope.Enter(TenantId);

    /// <summary>The fixture as JSON text.</summary>
    public static string Load(string name, string serviceUrl, Persona persona, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["serviceUrl"] = serviceUrl,
            ["userId"] = persona.UserId,
            ["userName"] = persona.Name,
            ["aadObjectId"] = persona.AadObjectId,
            ["conversationId"] = persona.ConversationId,
            ["tenantId"] = persona.TenantId,
            ["botId"] = BotAppId,
            ["locale"] = persona.Locale,
            ["text"] = string.Empty,
            ["verb"] = string.Empty,
            ["data"] = "{}",
        };
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        foreach (var (key, value) in all)
        {
            // "data" is raw JSON; everything else is a JSON string's content.
            var replacement = key == "data" ? value : JsonEncodedText.Encode(value).ToString();
            text = text.Replace("{{" + key + "}}", replacement, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>The fixture as a mutable JSON object.</summary>
    public static JsonObject LoadNode(string name, string serviceUrl, Persona persona, IReadOnlyDictionary<string, string>? values = null) =>
        JsonNode.Parse(Load(name, serviceUrl, persona, values))!.AsObject();
}
