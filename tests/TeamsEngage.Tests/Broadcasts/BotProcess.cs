using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using TeamsEngage.Testing;
using TeamsEngage.Testing.Auth;
using TeamsEngage.Testing.Hosting;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>
/// The built bot (<c>dotnet TeamsEngage.dll</c>) as a child process on 127.0.0.1, configured as in production (an app id,
/// channel tokens from a local issuer) on an embedded store folder. Stopped by its PID: <see cref="KillAsync"/> is kill -9.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly LocalTokenIssuer _issuer;
    private readonly string _serviceUrl;
    private readonly Queue<string> _output = new();

    private BotProcess(Process process, LocalTokenIssuer issuer, string serviceUrl, Uri address)
    {
        _process = process;
        _issuer = issuer;
        _serviceUrl = serviceUrl;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public static async Task<BotProcess> StartAsync(string dataDirectory, LocalTokenIssuer issuer, string serviceUrl, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(AppDll());
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["MicrosoftAppType"] = "SingleTenant";
        info.Environment["MicrosoftAppId"] = Fixtures.BotAppId;
        info.Environment["MicrosoftAppPassword"] = "not-used-nothing-is-sent-in-this-test";
        info.Environment["MicrosoftAppTenantId"] = Fixtures.TenantId;
        info.Environment["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["TeamsEngage__PublicBaseUrl"] = TestBotHostBuilder<Program>.PublicBaseUrl;
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var bot = new BotProcess(process, issuer, serviceUrl, new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)));
        // Drain the output so the child never blocks on a full pipe; the last lines explain a start that failed.
        process.OutputDataReceived += (_, e) => bot.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitHealthyAsync();
            return bot;
        }
        catch
        {
            // A bot that never became healthy is still a running process: it is stopped by its PID here too.
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>Presses a card button as <paramref name="persona"/>; the invoke response's body.</summary>
    public async Task<JsonObject> ExecuteAsync(Persona persona, string verb, object data)
    {
        var node = Fixtures.LoadNode("invoke-card-action.json", _serviceUrl, persona, new Dictionary<string, string>
        {
            ["verb"] = verb,
            ["data"] = System.Text.Json.JsonSerializer.Serialize(data),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.CreateToken(Fixtures.BotAppId, _serviceUrl));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>SIGKILL by PID: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
        await _process.WaitForExitAsync();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 20)
            {
                _output.Dequeue();
            }
        }
    }

    private string LastOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private static string AppDll()
    {
        // The app is built by the test project's reference, in the same configuration as the tests.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryPaths.Root, "src", "TeamsEngage", "bin", configuration, "net10.0", "TeamsEngage.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the app first", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitHealthyAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot process exited with {_process.ExitCode}:{Environment.NewLine}{LastOutput()}");
            }
            try
            {
                using var response = await Http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot process did not answer /healthz:{Environment.NewLine}{LastOutput()}");
            }
            await Task.Delay(100);
        }
    }
}
