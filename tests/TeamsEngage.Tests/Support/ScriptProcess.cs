using System.Diagnostics;
using TeamsEngage.Testing;

namespace TeamsEngage.Tests.Support;

/// <summary>The script's process tree, its output kept, killed by PID on dispose.</summary>
internal sealed class ScriptProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];

    private ScriptProcess(Process process) => _process = process;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Starts <c>scripts/{scriptName}</c> with only the port variables the caller sets.</summary>
    public static ScriptProcess Start(string scriptName, Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", scriptName));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // The test's own environment may name other ports; only what the test sets counts.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("BOT_ENDPOINT");
        info.Environment.Remove("PLAYGROUND_PORT");
        info.Environment.Remove("PLAYGROUND_AS");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var script = new ScriptProcess(Process.Start(info) ?? throw new InvalidOperationException("bash did not start"));
        script._process.OutputDataReceived += (_, e) => Keep(script._output, e.Data);
        script._process.ErrorDataReceived += (_, e) => Keep(script._errors, e.Data);
        script._process.BeginOutputReadLine();
        script._process.BeginErrorReadLine();
        return script;
    }

    public async Task WaitUntilAsync(Func<Task<bool>> ready)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (DateTimeOffset.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "The script exited: " + string.Join('\n', Errors.Concat(Output)));
            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet (it may build or install first).
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(250);
        }
        Assert.Fail("The script never became ready: " + string.Join('\n', Errors.Concat(Output)));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        // The asynchronous readers finish with the streams.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    private static void Keep(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // The script starts its program as a child: the whole tree under this PID goes.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
