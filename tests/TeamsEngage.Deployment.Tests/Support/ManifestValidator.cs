using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsEngage.Testing;

namespace TeamsEngage.Deployment.Tests.Support;

public sealed record ValidationResult(int ExitCode, IReadOnlyList<string> Errors)
{
    public bool IsValid => ExitCode == 0 && Errors.Count == 0;
}

/// <summary>Runs tests/node/validate-manifest.mjs, which checks files against the schemas bundled in @microsoft/app-manifest.</summary>
public static class ManifestValidator
{
    public static Task<ValidationResult> ValidateManifestAsync(string file) => RunAsync("manifest", file);

    public static Task<ValidationResult> ValidateLocalizationAsync(string file) => RunAsync("localization", file);

    public static async Task<ValidationResult> ValidateManifestAsync(JsonNode manifest)
    {
        using var folder = new TempFolder();
        var file = folder.File("manifest.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString());
        return await ValidateManifestAsync(file);
    }

    public static async Task<ValidationResult> ValidateLocalizationAsync(JsonNode localization)
    {
        using var folder = new TempFolder();
        var file = folder.File("es.json");
        await File.WriteAllTextAsync(file, localization.ToJsonString());
        return await ValidateLocalizationAsync(file);
    }

    private static async Task<ValidationResult> RunAsync(string kind, string file)
    {
        var result = await ProcessRunner.RunAsync(
            "node", ["validate-manifest.mjs", kind, file], RepositoryPaths.NodePeers, timeout: TimeSpan.FromSeconds(60));
        if (result.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"The validator could not run (exit {result.ExitCode}): {result.Output}");
        }
        using var report = JsonDocument.Parse(result.StdOut);
        var errors = report.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        return new ValidationResult(result.ExitCode, errors);
    }
}
