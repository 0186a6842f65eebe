using System.Text.Json.Nodes;

namespace TeamsEngage.Deployment.Tests.Support;

/// <summary>The committed manifest files, with the package-time placeholders filled in with test values.</summary>
public static class ManifestSamples
{
    public const string AppId = "3f8a1c52-9b7e-4d21-a6c3-5e0f9d8b7a41";
    public const string BotId = "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f";
    public const string BotDomain = "teamsengage-test.azurewebsites.net";
    public const string TabAppId = "7d9e1f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60";

    public static IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        ["APP_ID"] = AppId,
        ["BOT_ID"] = BotId,
        ["BOT_DOMAIN"] = BotDomain,
        ["TAB_APP_ID"] = TabAppId,
    };

    public static string RawManifest => File.ReadAllText(DeploymentPaths.ManifestFile);

    public static JsonNode Manifest() => JsonNode.Parse(Substitute(RawManifest))!;

    public static JsonNode Spanish() => JsonNode.Parse(File.ReadAllText(DeploymentPaths.SpanishFile))!;

    public static string Substitute(string text) =>
        Values.Aggregate(text, (current, pair) => current.Replace("${{" + pair.Key + "}}", pair.Value, StringComparison.Ordinal));
}
