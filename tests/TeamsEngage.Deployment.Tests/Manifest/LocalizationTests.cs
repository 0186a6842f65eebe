using System.Text.Json.Nodes;
using TeamsEngage.Deployment.Tests.Support;

namespace TeamsEngage.Deployment.Tests.Manifest;

public class LocalizationTests
{
    [Fact]
    public async Task SpanishLocalizationIsValidAgainstTheLocalizationSchema()
    {
        var result = await ManifestValidator.ValidateLocalizationAsync(DeploymentPaths.SpanishFile);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("description.full", null, "")]
    [InlineData("name.short", "TeamsEngage para el departamento de TI", "/name.short")]
    [InlineData("bots[0].commandLists[3].commands[0].title", "ayuda", "")]
    [InlineData("description.short", "   ", "/description.short")]
    public async Task BrokenSpanishLocalizationFailsValidation(string key, string? value, string expectedErrorPath)
    {
        var localization = ManifestSamples.Spanish().AsObject();
        if (value is null)
        {
            localization.Remove(key);
        }
        else
        {
            localization[key] = value;
        }

        var result = await ManifestValidator.ValidateLocalizationAsync(localization);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith(expectedErrorPath + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void SpanishLocalizationTranslatesEveryCommandOfEveryList()
    {
        var manifest = ManifestSamples.Manifest();
        var spanish = ManifestSamples.Spanish().AsObject();
        var expectedKeys = new List<string>();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list]!["commands"]!.AsArray();
            for (var command = 0; command < commands.Count; command++)
            {
                foreach (var field in new[] { "title", "description" })
                {
                    var key = $"bots[0].commandLists[{list}].commands[{command}].{field}";
                    expectedKeys.Add(key);
                    var translated = (string?)spanish[key];
                    Assert.False(string.IsNullOrWhiteSpace(translated), key + " is missing");
                    Assert.NotEqual((string?)commands[command]![field], translated);
                }
            }
        }

        var commandKeys = spanish.Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal));
        Assert.Equal(expectedKeys.Order(StringComparer.Ordinal), commandKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SpanishLocalizationTranslatesTheNameAndDescriptions()
    {
        var manifest = ManifestSamples.Manifest();
        var spanish = ManifestSamples.Spanish();

        Assert.Equal((string?)manifest["name"]!["short"], (string?)spanish["name.short"]);
        Assert.NotEqual((string?)manifest["name"]!["full"], (string?)spanish["name.full"]);
        Assert.NotEqual((string?)manifest["description"]!["short"], (string?)spanish["description.short"]);
        Assert.NotEqual((string?)manifest["description"]!["full"], (string?)spanish["description.full"]);
    }
}
