using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsEngage.Testing.Playground;

/// <summary>Writes the Playground's config file (.m365agentsplayground.yml, schema version 0.1.1).</summary>
internal static class PlaygroundConfigFile
{
    public const string FileName = ".m365agentsplayground.yml";

    // JSON is valid YAML (flow style), and System.Text.Json takes care of escaping.
    public static void Validate(PlaygroundUsers users)
    {
        if (users.Others.Count != PlaygroundUsers.RequiredOtherUsers)
        {
            throw new ArgumentException(
                "The Playground needs exactly " + PlaygroundUsers.RequiredOtherUsers + " users besides the current user, got " + users.Others.Count,
                nameof(users));
        }
    }

    public static string Write(string folder, PlaygroundUsers users)
    {
        Validate(users);

        var config = new JsonObject
        {
            ["version"] = "0.1.1",
            ["tenantId"] = users.TenantId,
            ["bot"] = new JsonObject { ["id"] = users.BotId, ["name"] = users.BotName },
            ["currentUser"] = User(users.CurrentUser),
            ["users"] = new JsonArray(users.Others.Select(u => (JsonNode)User(u)).ToArray()),
            ["personalChat"] = new JsonObject { ["id"] = users.PersonalChatId },
            ["groupChat"] = new JsonObject { ["id"] = users.GroupChatId, ["name"] = users.GroupChatName },
            ["team"] = new JsonObject
            {
                ["id"] = users.TeamId,
                ["name"] = users.TeamName,
                ["aadGroupId"] = users.TeamAadGroupId,
                ["channels"] = new JsonArray(new JsonObject { ["id"] = users.ChannelId, ["name"] = users.ChannelName }),
            },
        };

        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    // "userPrincipleName" (sic) is the field name the Playground's schema requires.
    private static JsonObject User(PlaygroundUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["userPrincipleName"] = user.UserPrincipalName,
        ["aadObjectId"] = user.AadObjectId,
        ["givenName"] = user.GivenName,
        ["surname"] = user.Surname,
        ["email"] = user.Email,
    };
}
