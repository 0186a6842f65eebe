using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TeamsEngage.Testing;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Hosting;

/// <summary>
/// <c>scripts/run.sh</c> as a person runs it: the real script and process on a free 127.0.0.1 port, stopped by its PID.
/// </summary>
public sealed class RunScriptTests
{
    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("BOT_ENDPOINT")]
    [InlineData("--urls")]
    public async Task EachDocumentedWayToChooseThePortIsWhereTheBotListens(string way)
    {
        var port = FreePort();
        var address = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        using var data = new TemporaryDirectory();
        using var script = way switch
        {
            "ASPNETCORE_URLS" => RunScript.Start(data.Path, new() { ["ASPNETCORE_URLS"] = address }),
            "BOT_ENDPOINT" => RunScript.Start(data.Path, new() { ["BOT_ENDPOINT"] = address + "/api/messages" }),
            _ => RunScript.Start(data.Path, [], "--urls", address),
        };

        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) };
        await script.WaitUntilAsync(async () =>
        {
            using var response = await http.GetAsync("/healthz");
            return response.StatusCode == HttpStatusCode.OK;
        });
        using var messages = await http.PostAsync("/api/messages", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.NotEqual(HttpStatusCode.NotFound, messages.StatusCode);
    }

    [Fact]
    public async Task APortAlreadyInUseEndsTheStartWithOneClearLineAndNoStackTrace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var data = new TemporaryDirectory();

        using var script = RunScript.Start(data.Path, new() { ["ASPNETCORE_URLS"] = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) });
        var exitCode = await script.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(1, exitCode);
        var errors = script.Errors.Where(l => l.Trim().Length > 0).ToList();
        var line = Assert.Single(errors);
        Assert.Contains($"127.0.0.1:{port} is already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Output, l => l.Contains("crit", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The script's process tree, its output kept, killed by PID on dispose.</summary>
    private sealed class RunScript : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _output = [];
        private readonly List<string> _errors = [];

        private RunScript(Process process) => _process = process;

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

        public static RunScript Start(string dataDirectory, Dictionary<string, string> environment, params string[] arguments)
        {
            var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "run.sh"));
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            // The test's own environment may name other ports; only what the test sets counts.
            info.Environment.Remove("ASPNETCORE_URLS");
            info.Environment.Remove("BOT_ENDPOINT");
            info.Environment["Storage__DataDirectory"] = dataDirectory;
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
            var script = new RunScript(Process.Start(info) ?? throw new InvalidOperationException("bash did not start"));
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
                Assert.False(_process.HasExited, "run.sh exited: " + string.Join('\n', Errors.Concat(Output)));
                try
                {
                    if (await ready())
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet (it builds first).
                }
                catch (TaskCanceledException)
                {
                    // Not answering yet.
                }
                await Task.Delay(250);
            }
            Assert.Fail("The bot never answered: " + string.Join('\n', Errors.Concat(Output)));
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
                // dotnet run starts the app as its child: the whole tree under this PID goes.
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
            _process.Dispose();
        }
    }
}
