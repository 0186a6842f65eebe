using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsEngage.Testing.Cards;

/// <summary>
/// Runs tests/node/validate-cards.mjs, which parses cards with the official adaptivecards library and reports
/// parse events, validation failures, unknown types or properties and round-trip losses.
/// </summary>
public static class AdaptiveCardsParser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly JsonSerializerOptions ReportOptions = new(JsonSerializerDefaults.Web);

    public static string ScriptPath => Path.Combine(RepositoryPaths.NodePeers, "validate-cards.mjs");

    /// <summary>Validates every card in one node process; returns one report per card, in order.</summary>
    public static async Task<IReadOnlyList<CardReport>> ValidateAsync(IEnumerable<(string Name, JsonNode Card)> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        EnsureInstalled();
        var input = new JsonArray();
        foreach (var (name, card) in cards)
        {
            input.Add(new JsonObject { ["name"] = name, ["card"] = card.DeepClone() });
        }

        var (exitCode, stdout, stderr) = await RunNodeAsync(input.ToJsonString());
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"validate-cards.mjs failed with exit code {exitCode}: {stderr}");
        }
        var reports = JsonSerializer.Deserialize<List<CardReport>>(stdout, ReportOptions)
            ?? throw new InvalidOperationException("validate-cards.mjs printed no report.");
        if (reports.Count != input.Count)
        {
            throw new InvalidOperationException($"Sent {input.Count} cards but got {reports.Count} reports.");
        }
        return reports;
    }

    /// <summary>Validates one card.</summary>
    public static async Task<CardReport> ValidateAsync(string name, JsonNode card) =>
        (await ValidateAsync([(name, card)]))[0];

    private static void EnsureInstalled()
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.NodePeers, "node_modules", "adaptivecards")))
        {
            throw new InvalidOperationException(
                $"The adaptivecards package is not installed in {RepositoryPaths.NodePeers}: run npm ci in tests/node.");
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string input)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { ScriptPath },
            WorkingDirectory = RepositoryPaths.NodePeers,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = StartOrExplain(start);
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"validate-cards.mjs (pid {process.Id}) did not finish within {Timeout}; it was killed.");
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node was not found on PATH; install Node.js 20 and run npm ci in tests/node.", e);
        }
    }
}
