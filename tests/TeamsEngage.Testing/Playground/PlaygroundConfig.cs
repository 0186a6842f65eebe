using System.Text.Json.Nodes;

namespace TeamsEngage.Testing.Playground;

/// <summary>The ids the running Playground reports on GET /_internal/v1/testConfig.</summary>
public sealed record PlaygroundConfig(
    string TenantId,
    string BotId,
    string CurrentUserId,
    IReadOnlyList<string> UserIds,
    string PersonalChatId,
    IReadOnlyList<string> GroupChatIds,
    IReadOnlyList<string> TeamIds,
    IReadOnlyList<string> ChannelIds,
    string? Locale,
    string? ChannelId,
    JsonNode Raw)
{
    internal static PlaygroundConfig Parse(JsonNode raw)
    {
        var config = raw["config"] ?? throw new FormatException("testConfig has no 'config' object: " + raw.ToJsonString());
        var teams = Items(config["teams"]);
        return new PlaygroundConfig(
            TenantId: Required(config["tenantId"]),
            BotId: Required(config["bot"]?["id"]),
            CurrentUserId: Required(config["currentUser"]?["id"]),
            UserIds: Items(config["users"]).Select(u => Required(u["id"])).ToList(),
            PersonalChatId: Required(config["personalChat"]?["id"]),
            GroupChatIds: Items(config["groupChats"]).Select(c => Required(c["id"])).ToList(),
            TeamIds: teams.Select(t => Required(t["id"])).ToList(),
            ChannelIds: teams.SelectMany(t => Items(t["channels"])).Select(c => Required(c["id"])).ToList(),
            Locale: raw["internalConfig"]?["locale"]?.GetValue<string>(),
            ChannelId: raw["internalConfig"]?["channelId"]?.GetValue<string>(),
            Raw: raw);
    }

    private static IEnumerable<JsonNode> Items(JsonNode? node) =>
        node is JsonArray array ? array.Where(i => i is not null).Select(i => i!) : [];

    private static string Required(JsonNode? node) =>
        node?.GetValue<string>() ?? throw new FormatException("testConfig is missing an id.");
}
