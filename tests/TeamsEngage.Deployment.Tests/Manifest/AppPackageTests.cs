using System.IO.Compression;
using System.Text.Json.Nodes;
using TeamsEngage.Deployment.Tests.Support;
using TeamsEngage.Testing;

namespace TeamsEngage.Deployment.Tests.Manifest;

public class AppPackageTests
{
    private static readonly string[] ExpectedEntries = ["color.png", "es.json", "manifest.json", "outline.png"];

    [Fact]
    public async Task PackageIsAFlatZipWithExactlyTheAppFiles()
    {
        using var folder = new TempFolder();
        var zip = folder.File("app.zip");

        var result = await BuildPackageAsync(zip, ManifestSamples.Values.ToDictionary(p => p.Key, p => (string?)p.Value));

        Assert.True(result.ExitCode == 0, result.Output);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(ExpectedEntries, archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(DeploymentPaths.ManifestFolder, icon)), ReadEntry(archive, icon));
        }
    }

    [Fact]
    public async Task PackagedManifestCarriesTheGivenIdsAndDomainAndIsValid()
    {
        using var folder = new TempFolder();
        var zip = folder.File("app.zip");
        await BuildPackageAsync(zip, ManifestSamples.Values.ToDictionary(p => p.Key, p => (string?)p.Value));

        using var archive = ZipFile.OpenRead(zip);
        var manifestText = System.Text.Encoding.UTF8.GetString(ReadEntry(archive, "manifest.json"));
        var spanishText = System.Text.Encoding.UTF8.GetString(ReadEntry(archive, "es.json"));
        Assert.DoesNotContain("${{", manifestText, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", spanishText, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(manifestText)!;
        Assert.Equal(ManifestSamples.AppId, (string?)manifest["id"]);
        Assert.Equal(ManifestSamples.BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([ManifestSamples.BotDomain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal(ManifestSamples.TabAppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal($"api://{ManifestSamples.BotDomain}/{ManifestSamples.TabAppId}", (string?)manifest["webApplicationInfo"]!["resource"]);
        var reports = manifest["staticTabs"]!.AsArray().Single(t => (string?)t!["entityId"] == "reports")!;
        Assert.Equal($"https://{ManifestSamples.BotDomain}/reports/tab?lang={{locale}}", (string?)reports["contentUrl"]);

        var extracted = folder.File("manifest.json");
        await File.WriteAllTextAsync(extracted, manifestText);
        var validation = await ManifestValidator.ValidateManifestAsync(extracted);
        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
    }

    [Theory]
    [InlineData("BOT_ID", null)]
    [InlineData("APP_ID", null)]
    [InlineData("TAB_APP_ID", null)]
    [InlineData("TAB_APP_ID", "reports-tab")]
    [InlineData("BOT_DOMAIN", null)]
    [InlineData("BOT_ID", "not-a-guid")]
    [InlineData("APP_ID", "3f8a1c52-9b7e-4d21-a6c3")]
    [InlineData("BOT_DOMAIN", "https://teamsengage-test.azurewebsites.net")]
    [InlineData("BOT_DOMAIN", "teamsengage-test.azurewebsites.net/api/messages")]
    [InlineData("BOT_DOMAIN", "bot\", \"evil.example.com")]
    public async Task PackageIsRefusedWithoutAValidValue(string variable, string? value)
    {
        using var folder = new TempFolder();
        var zip = folder.File("app.zip");
        var environment = ManifestSamples.Values.ToDictionary(p => p.Key, p => (string?)p.Value);
        environment[variable] = value;

        var result = await BuildPackageAsync(zip, environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(variable, result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    private static Task<ProcessResult> BuildPackageAsync(string zip, IReadOnlyDictionary<string, string?> environment) =>
        ProcessRunner.RunAsync("bash", [DeploymentPaths.PackageScript, zip], RepositoryPaths.Root, environment, TimeSpan.FromSeconds(60));

    private static byte[] ReadEntry(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
