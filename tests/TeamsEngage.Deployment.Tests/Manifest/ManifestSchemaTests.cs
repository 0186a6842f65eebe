using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsEngage.Deployment.Tests.Support;

namespace TeamsEngage.Deployment.Tests.Manifest;

public class ManifestSchemaTests
{
    [Fact]
    public async Task CommittedManifestWithIdsFilledInIsValidAgainstSchema129()
    {
        var result = await ManifestValidator.ValidateManifestAsync(ManifestSamples.Manifest());

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task CommittedManifestIsRejectedUntilItsPlaceholdersAreFilledIn()
    {
        var result = await ManifestValidator.ValidateManifestAsync(DeploymentPaths.ManifestFile);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("/id ", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("/bots/0/botId ", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "missing name.short", "/name" },
        { "lower-case groupchat scope", "/bots/0/scopes/2" },
        { "accent colour not #RRGGBB", "/accentColor" },
        { "short description over 80 characters", "/description/short" },
        { "bot id not a GUID", "/bots/0/botId" },
        { "thirteen commands in one list", "/bots/0/commandLists/0/commands" },
        { "another schema version", "/$schema" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task BrokenManifestFailsValidation(string breakage, string expectedErrorPath)
    {
        var manifest = ManifestSamples.Manifest();
        Break(manifest, breakage);

        var result = await ManifestValidator.ValidateManifestAsync(manifest);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith(expectedErrorPath + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void CommittedManifestHoldsOnlyThePackageTimePlaceholdersAndNoIds()
    {
        var raw = ManifestSamples.RawManifest;

        var placeholders = Regex.Matches(raw, @"\$\{\{(\w+)\}\}").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["APP_ID", "BOT_DOMAIN", "BOT_ID", "TAB_APP_ID"], placeholders.Order(StringComparer.Ordinal));
        Assert.DoesNotMatch(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", raw);
    }

    [Fact]
    public void ManifestDeclaresAConversationalBotInPersonalTeamAndGroupChatScopes()
    {
        var manifest = ManifestSamples.Manifest();
        var bot = manifest["bots"]![0]!;

        Assert.Equal("1.29", (string?)manifest["manifestVersion"]);
        Assert.Equal("TeamsEngage", (string?)manifest["name"]!["short"]);
        Assert.Equal(ManifestSamples.BotId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        // Files are on so that an administrator can send the district's .ics to the bot in a personal chat.
        Assert.True((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);
        Assert.Contains(ManifestSamples.BotDomain, manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void EveryFileTheManifestNamesIsInTheManifestFolder()
    {
        var manifest = ManifestSamples.Manifest();
        var named = new[] { (string)manifest["icons"]!["color"]!, (string)manifest["icons"]!["outline"]! }
            .Concat(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray().Select(l => (string)l!["file"]!));

        Assert.All(named, file => Assert.True(File.Exists(Path.Combine(DeploymentPaths.ManifestFolder, file)), file));
        Assert.Equal("en", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
    }

    private static void Break(JsonNode manifest, string breakage)
    {
        switch (breakage)
        {
            case "missing name.short":
                manifest["name"]!.AsObject().Remove("short");
                break;
            case "lower-case groupchat scope":
                manifest["bots"]![0]!["scopes"]![2] = "groupchat";
                break;
            case "accent colour not #RRGGBB":
                manifest["accentColor"] = "teal";
                break;
            case "short description over 80 characters":
                manifest["description"]!["short"] = new string('x', 81);
                break;
            case "bot id not a GUID":
                manifest["bots"]![0]!["botId"] = "teamsengage-bot";
                break;
            case "thirteen commands in one list":
                var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
                for (var i = commands.Count; i < 13; i++)
                {
                    commands.Add(new JsonObject { ["title"] = "command" + i, ["description"] = "A command" });
                }
                break;
            case "another schema version":
                manifest["$schema"] = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.28/MicrosoftTeams.schema.json";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
