using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Hosting;

/// <summary>
/// <c>scripts/playground.sh</c> as the README tells people to run it, one Playground per person: the real script and
/// Playground on a free 127.0.0.1 port, stopped by its PID.
/// </summary>
public sealed class PlaygroundScriptTests
{
    [Theory]
    [InlineData("liaison", "29:lee.liaison", "Lee Liaison")]
    [InlineData("newcomer", "29:nora.newcomer", "Nora Newcomer")]
    public async Task APersonaOpensThePlaygroundOnTheChosenPortAsThatPerson(string persona, string userId, string name)
    {
        var port = RunScriptTests.FreePort().ToString(CultureInfo.InvariantCulture);
        using var script = ScriptProcess.Start("playground.sh", new()
        {
            ["PLAYGROUND_AS"] = persona,
            ["PLAYGROUND_PORT"] = port,
            ["BOT_ENDPOINT"] = "http://127.0.0.1:" + RunScriptTests.FreePort().ToString(CultureInfo.InvariantCulture) + "/api/messages",
        });
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + port), Timeout = TimeSpan.FromSeconds(5) };

        JsonNode? config = null;
        await script.WaitUntilAsync(async () =>
        {
            config = await http.GetFromJsonAsync<JsonNode>("/_internal/v1/testConfig");
            return config is not null;
        });

        Assert.Equal(userId, config!["config"]!["currentUser"]!["id"]!.GetValue<string>());
        Assert.Equal(name, config["config"]!["currentUser"]!["name"]!.GetValue<string>());
        Assert.Equal("5f2b7c1e-9d4a-4e6b-8a3c-2d1e0f9a8b7c", config["config"]!["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownPersonaEndsWithOneLineNamingTheChoices()
    {
        using var script = ScriptProcess.Start("playground.sh", new() { ["PLAYGROUND_AS"] = "principal" });

        Assert.Equal(2, await script.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(script.Errors, l => l.Trim().Length > 0);
        Assert.Equal("PLAYGROUND_AS must be one of admin, liaison, teacher, newcomer (got 'principal')", line);
    }
}
