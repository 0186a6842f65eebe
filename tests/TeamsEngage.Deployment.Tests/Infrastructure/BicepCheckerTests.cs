using TeamsEngage.Deployment.Tests.Support;

namespace TeamsEngage.Deployment.Tests.Infrastructure;

public class BicepCheckerTests
{
    [Fact]
    public async Task CommittedInfrastructureLintsAndBuildsWithoutAnyDiagnostic()
    {
        var problems = await BicepChecker.CheckAsync(DeploymentPaths.InfraFolder);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task BicepCliIsTheRestoredVersion()
    {
        var result = await BicepCli.RunAsync(DeploymentPaths.InfraFolder, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0.49.2", result.StdOut, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "unused parameter", "no-unused-params" },
        { "typo in a property name", "BCP089" },
        { "unknown API version", "BCP081" },
        { "parameter file sets an undeclared parameter", "BCP259" },
        { "hard-coded location", "no-hardcoded-location" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task BrokenCopyOfTheInfrastructureFailsTheChecker(string breakage, string expectedDiagnostic)
    {
        using var copy = new TempFolder();
        CopyFolder(DeploymentPaths.InfraFolder, copy.Path);
        Break(copy.Path, breakage);

        var problems = await BicepChecker.CheckAsync(copy.Path);

        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains(expectedDiagnostic, StringComparison.Ordinal));
    }

    private static void Break(string folder, string breakage)
    {
        switch (breakage)
        {
            case "unused parameter":
                Append(folder, "main.bicep", "\n@description('Never used.')\nparam forgotten string = 'x'\n");
                break;
            case "typo in a property name":
                Replace(folder, "modules/webapp.bicep", "httpsOnly: true", "httpsOlny: true");
                break;
            case "unknown API version":
                Replace(folder, "modules/storage.bicep", "storageAccounts@2023-05-01' = {", "storageAccounts@2099-01-01' = {");
                break;
            case "parameter file sets an undeclared parameter":
                Append(folder, "main.bicepparam", "\nparam skuOfTheBotService = 'S1'\n");
                break;
            case "hard-coded location":
                Replace(folder, "modules/monitoring.bicep", "-logs'\n  location: location", "-logs'\n  location: 'westeurope'");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }

    private static void Append(string folder, string file, string text) => File.AppendAllText(Path.Combine(folder, file), text);

    private static void Replace(string folder, string file, string from, string to)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
