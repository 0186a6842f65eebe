using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TeamsEngage.Tests.Support;
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
            "ASPNETCORE_URLS" => RunScript(data.Path, new() { ["ASPNETCORE_URLS"] = address }),
            "BOT_ENDPOINT" => RunScript(data.Path, new() { ["BOT_ENDPOINT"] = address + "/api/messages" }),
            _ => RunScript(data.Path, [], "--urls", address),
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

        using var script = RunScript(data.Path, new() { ["ASPNETCORE_URLS"] = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) });
        // The script builds the bot first, which takes minutes on a loaded two-core machine.
        var exitCode = await script.WaitForExitAsync(TimeSpan.FromMinutes(6));

        Assert.Equal(1, exitCode);
        var errors = script.Errors.Where(l => l.Trim().Length > 0).ToList();
        var line = Assert.Single(errors);
        Assert.Contains($"127.0.0.1:{port} is already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Output, l => l.Contains("crit", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSampleDistrictIsImportedAtStartUpWithoutARefusedLine()
    {
        var address = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        using var data = new TemporaryDirectory();

        using var script = RunScript(data.Path, new()
        {
            ["ASPNETCORE_URLS"] = address,
            ["SAMPLE_DISTRICT"] = "1",
            ["Logging__LogLevel__TeamsEngage.People.Import"] = "Information",
            ["Logging__LogLevel__TeamsEngage.Catalogue"] = "Information",
        });

        await script.WaitUntilAsync(() => Task.FromResult(script.Output.Any(l => l.Contains("Imported catalogue Faq", StringComparison.Ordinal))));
        Assert.Contains(script.Output, l => l.Contains("Imported catalogue Services: 4 changed, 0 unchanged, 0 refused", StringComparison.Ordinal));
        Assert.Contains(script.Output, l => l.Contains("Imported catalogue Faq: 3 changed, 0 unchanged, 0 refused", StringComparison.Ordinal));
        Assert.Contains(script.Output, l => l.Contains("Imported Departments: 2 changed, 0 unchanged, 0 refused", StringComparison.Ordinal));
        Assert.Contains(script.Output, l => l.Contains("Imported People: 5 changed, 0 unchanged, 0 refused", StringComparison.Ordinal));
        Assert.DoesNotContain(script.Output.Concat(script.Errors), l => l.Contains("was refused", StringComparison.Ordinal));
    }

    private static ScriptProcess RunScript(string dataDirectory, Dictionary<string, string> environment, params string[] arguments)
    {
        environment["Storage__DataDirectory"] = dataDirectory;
        return ScriptProcess.Start("run.sh", environment, arguments);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
