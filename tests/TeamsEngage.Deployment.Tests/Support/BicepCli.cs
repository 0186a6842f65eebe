using System.Reflection;
using System.Text.RegularExpressions;

namespace TeamsEngage.Deployment.Tests.Support;

/// <summary>The real Bicep CLI, restored by the PackageDownload item of this project.</summary>
public static partial class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";
    private const string Version = "0.49.2";

    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments) =>
        ProcessRunner.RunAsync(Path, arguments, workingDirectory, timeout: TimeSpan.FromMinutes(2));

    /// <summary>Diagnostic lines ("file(line,col) : Warning rule: text"), whatever their level.</summary>
    public static IReadOnlyList<string> Diagnostics(ProcessResult result) =>
        result.Output.Split('\n').Where(line => DiagnosticLine().IsMatch(line)).Select(line => line.Trim()).ToList();

    private static string Locate()
    {
        var roots = new[]
        {
            typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value,
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var candidates = roots
            .Where(root => !string.IsNullOrEmpty(root))
            .Select(root => System.IO.Path.Combine(root!, PackageId, Version, "tools", "bicep"))
            .ToList();
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("The Bicep CLI was not restored; looked at " + string.Join(", ", candidates));
        // NuGet extraction does not always keep the execute bit.
        if (OperatingSystem.IsLinux())
        {
            var mode = File.GetUnixFileMode(found);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(found, mode | UnixFileMode.UserExecute);
            }
        }
        return found;
    }

    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Error|Warning|Info)\s", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();
}
