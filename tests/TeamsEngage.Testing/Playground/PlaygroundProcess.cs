using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsEngage.Testing.Playground;

/// <summary>
/// The Playground's node process: started with the loopback preload, its output captured,
/// and killed (process tree, by PID) on dispose or when the test host exits.
/// </summary>
internal sealed partial class PlaygroundProcess : IDisposable
{
    private const string PackageFolder = "node_modules/@microsoft/m365agentsplayground";
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static int exitHookInstalled;

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<int> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, string logFile)
    {
        this.process = process;
        LogFile = logFile;
    }

    public int Id => process.Id;

    public string LogFile { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Completes with the port from the Playground's "Listening on N" line.</summary>
    public Task<int> Listening => listening.Task;

    public static string CliPath => Path.Combine(RepositoryPaths.NodePeers, PackageFolder, "cli.js");

    public static string PreloadPath => Path.Combine(RepositoryPaths.NodePeers, "playground-loopback.cjs");

    public static PlaygroundProcess Start(string workingDirectory, string configPath, Uri botEndpoint, int port)
    {
        if (!File.Exists(CliPath))
        {
            throw new InvalidOperationException("The Agents Playground is not installed: run `npm ci` in " + RepositoryPaths.NodePeers);
        }
        InstallExitHook();

        var portText = port.ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            CliPath,
            "-e", botEndpoint.AbsoluteUri,
            "-c", "msteams",
            "-p", portText,
            "--service-url", "http://127.0.0.1:" + portText + "/_connector",
            "--disable-telemetry",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var logFile = Path.Combine(workingDirectory, "playground.log");
        info.Environment["NODE_OPTIONS"] = "--require \"" + PreloadPath + "\"";
        info.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        info.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath;
        info.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = logFile;
        info.Environment["PLAYGROUND_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // The Playground routes its calls to the bot through any configured proxy, and a target SDK
        // setting would make it send a dummy bearer token: neither may leak in from the machine.
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "M365_AGENTS_PLAYGROUND_TARGET_SDK", "TEAMSAPPTESTER_PORT" })
        {
            info.Environment.Remove(name);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var playground = new PlaygroundProcess(process, logFile);
        process.OutputDataReceived += (_, e) => playground.OnOutput("out", e.Data);
        process.ErrorDataReceived += (_, e) => playground.OnOutput("err", e.Data);
        process.Exited += (_, _) => playground.listening.TrySetException(
            new InvalidOperationException("The Playground exited during start-up."));
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return playground;
    }

    /// <summary>What the process printed, plus its log file (where it writes everything when stdout is not a terminal).</summary>
    public string Diagnostics()
    {
        string printed;
        lock (output)
        {
            printed = output.ToString();
        }
        var log = "";
        try
        {
            if (File.Exists(LogFile))
            {
                log = File.ReadAllText(LogFile);
                const int keep = 8000;
                if (log.Length > keep)
                {
                    log = "..." + log[^keep..];
                }
            }
        }
        catch (IOException)
        {
            log = "(log file unreadable)";
        }
        var exit = process.HasExited ? "exited with code " + process.ExitCode.ToString(CultureInfo.InvariantCulture) : "running";
        return "Playground process " + Id.ToString(CultureInfo.InvariantCulture) + " " + exit
            + Environment.NewLine + "--- stdout/stderr ---" + Environment.NewLine + printed
            + "--- " + LogFile + " ---" + Environment.NewLine + log;
    }

    public void Dispose()
    {
        Kill(process);
        Running.TryRemove(process.Id, out _);
        process.Dispose();
    }

    private void OnOutput(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.Append(stream).Append(": ").AppendLine(line);
        }
        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    // Best effort for a test host that exits without disposing; the preload also exits node
    // when its parent disappears, which covers a host that is killed outright.
    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref exitHookInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var process in Running.Values)
                {
                    Kill(process);
                }
            };
        }
    }

    [GeneratedRegex(@"^Listening on (\d+)\s*$")]
    private static partial Regex ListeningLine();
}
