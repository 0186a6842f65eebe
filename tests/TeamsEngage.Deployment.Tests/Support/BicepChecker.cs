namespace TeamsEngage.Deployment.Tests.Support;

/// <summary>
/// The gate the infrastructure must pass: main.bicep lints and builds, and main.bicepparam builds,
/// with no diagnostic at all (a warning fails just like an error).
/// </summary>
public static class BicepChecker
{
    public static async Task<IReadOnlyList<string>> CheckAsync(string infraFolder)
    {
        var problems = new List<string>();
        await RunAsync(problems, infraFolder, "lint", "main.bicep");
        await RunAsync(problems, infraFolder, "build", "main.bicep", "--stdout");
        await RunAsync(problems, infraFolder, "build-params", "main.bicepparam", "--stdout");
        return problems;
    }

    private static async Task RunAsync(List<string> problems, string folder, params string[] arguments)
    {
        var result = await BicepCli.RunAsync(folder, arguments);
        var command = "bicep " + string.Join(' ', arguments);
        if (result.ExitCode != 0)
        {
            problems.Add($"{command} exited with {result.ExitCode}");
        }
        problems.AddRange(BicepCli.Diagnostics(result).Select(d => $"{command}: {d}"));
    }
}
