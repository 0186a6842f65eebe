using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using TeamsEngage.Testing.Playground;
using Xunit.Abstractions;

namespace TeamsEngage.Tests.EndToEnd;

// Tests of the Playground harness itself, against the tiny bot in PlaygroundFakeBot.cs (not the real TeamsEngage bot).
public sealed class PlaygroundHarnessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private PlaygroundFakeBot bot = null!;
    private PlaygroundSession session = null!;

    public async Task InitializeAsync()
    {
        bot = await PlaygroundFakeBot.StartAsync();
        session = await PlaygroundSession.StartAsync(bot.Endpoint);
        output.WriteLine("Playground {0} started in {1} ms", session.Port, session.StartDuration.TotalMilliseconds);
    }

    public async Task DisposeAsync()
    {
        // xunit calls this even when InitializeAsync failed half way.
        if (session is not null)
        {
            await session.DisposeAsync();
        }
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task InstallingInThePersonalChatDeliversTheBotsWelcomeOverTheWebSocket()
    {
        await session.InstallAsync();

        var welcome = await session.WaitForTextAsync("welcome via installationUpdate", Wait);
        await session.WaitForTextAsync("welcome via conversationUpdate", Wait);
        Assert.Equal(PlaygroundMessage.CreateAction, welcome.Action);
        Assert.Equal(session.Config.PersonalChatId, welcome.ConversationId);
        Assert.Equal(session.Config.BotId, welcome.FromId);
    }

    [Fact]
    public async Task PingIsAnsweredWithAnAdaptiveCardReadableThroughTheHarness()
    {
        await session.SendTextAsync("ping");

        var reply = await session.WaitForCardAsync(card => card["type"]?.GetValue<string>() == "AdaptiveCard", Wait);
        var card = Assert.IsType<JsonObject>(reply.Card);
        Assert.Equal("pong", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(PlaygroundFakeBot.Verb, card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(reply.MessageId));
    }

    [Fact]
    public async Task InvokeOnACardReturnsTheBotsInvokeResponse()
    {
        await session.SendTextAsync("ping");
        var reply = await session.WaitForCardAsync(_ => true, Wait);

        var response = await session.InvokeAsync(PlaygroundFakeBot.Verb, new JsonObject { ["choice"] = "yes" }, reply.MessageId!);

        // The Playground relays only type and value of the bot's {statusCode, type, value}.
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Equal("done", response["value"]!.GetValue<string>());
        var invoke = bot.Received.Single(r => r.Type == "invoke").Body;
        Assert.Equal("adaptiveCard/action", invoke["name"]!.GetValue<string>());
        Assert.Equal(PlaygroundFakeBot.Verb, invoke["value"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("yes", invoke["value"]!["action"]!["data"]!["choice"]!.GetValue<string>());
        Assert.Equal(reply.MessageId, invoke["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACardTheBotUpdatesArrivesAsAnUpdateOfTheSameMessage()
    {
        await session.SendTextAsync("ping");
        var original = await session.WaitForCardAsync(_ => true, Wait);

        await session.InvokeAsync(PlaygroundFakeBot.Verb, new JsonObject(), original.MessageId!);

        var updated = await session.WaitForCardAsync(card => card["body"]![0]!["text"]!.GetValue<string>() == "confirmed", Wait);
        Assert.Equal(PlaygroundMessage.UpdateAction, updated.Action);
        Assert.Equal(original.MessageId, updated.MessageId);
    }

    [Fact]
    public async Task SubmitDeliversTheCardValueToTheBotAsAMessage()
    {
        await session.SendTextAsync("ping");
        var reply = await session.WaitForCardAsync(_ => true, Wait);
        var count = session.Messages.Count;

        await session.SubmitAsync(new JsonObject { ["answer"] = 42 }, reply.MessageId!);

        var echo = await session.WaitForTextAsync("submitted", Wait, fromIndex: count);
        Assert.Equal("submitted {\"answer\":42}", echo.Text);
    }

    [Fact]
    public async Task ThePlaygroundListensOnLoopbackOnly()
    {
        var endpoints = ListeningSockets.Of(session.ProcessId);

        Assert.Contains(endpoints, e => e.Port == session.Port);
        Assert.All(endpoints, e => Assert.Equal(IPAddress.Loopback, e.Address));
    }

    [Fact]
    public async Task DisposingTheSessionStopsTheNodeProcessAndDeletesItsFolder()
    {
        var pid = session.ProcessId;
        var folder = session.WorkingDirectory;
        Assert.True(System.IO.Directory.Exists(folder));

        await session.DisposeAsync();

        Assert.False(IsRunning(pid), "node process " + pid + " is still running");
        Assert.False(System.IO.Directory.Exists(folder));
    }

    [Fact]
    public async Task ThePlaygroundSendsUnauthenticatedTeamsActivitiesToTheBot()
    {
        await session.InstallAsync();
        await session.SendTextAsync("ping");
        await session.WaitForCardAsync(_ => true, Wait);

        var message = bot.Received.First(r => r.Type == "message");
        Assert.All(bot.Received, r => Assert.False(r.Headers.ContainsKey("Authorization")));
        Assert.Equal("true", message.Headers["x-ms-agents-playground"]);
        var activity = message.Body;
        Assert.Equal(session.ConnectorUrl.AbsoluteUri, activity["serviceUrl"]!.GetValue<string>());
        Assert.Equal("msteams", activity["channelId"]!.GetValue<string>());
        Assert.Equal("personal", activity["conversation"]!["conversationType"]!.GetValue<string>());
        Assert.Equal(session.Config.PersonalChatId, activity["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(session.Config.TenantId, activity["conversation"]!["tenantId"]!.GetValue<string>());
        Assert.Equal(session.Config.TenantId, activity["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("en-US", activity["locale"]!.GetValue<string>());
        Assert.Equal(PlaygroundUsers.Default.CurrentUser.Id, activity["from"]!["id"]!.GetValue<string>());
        Assert.Equal(PlaygroundUsers.Default.CurrentUser.AadObjectId, activity["from"]!["aadObjectId"]!.GetValue<string>());
        Assert.Equal(PlaygroundUsers.Default.BotId, activity["recipient"]!["id"]!.GetValue<string>());
        Assert.Contains(bot.Received, r => r.Type == "installationUpdate" && r.Body["action"]!.GetValue<string>() == "add");
        foreach (var received in bot.Received)
        {
            output.WriteLine("{0} {1}", string.Join(", ", received.Headers.Select(h => h.Key + "=" + h.Value)), received.Body.ToJsonString());
        }
    }

    [Fact]
    public void TheConfigReportsTheChatsAndUsersFromTheWrittenFile()
    {
        var users = PlaygroundUsers.Default;

        Assert.Equal(users.PersonalChatId, session.Config.PersonalChatId);
        Assert.Equal([users.GroupChatId], session.Config.GroupChatIds);
        Assert.Equal([users.TeamId], session.Config.TeamIds);
        Assert.Contains(users.ChannelId, session.Config.ChannelIds);
        Assert.Equal(users.Others.Select(u => u.Id), session.Config.UserIds);
        Assert.Equal(users.CurrentUser.Id, session.Config.CurrentUserId);
        Assert.Equal("msteams", session.Config.ChannelId);
    }

    [Fact]
    public async Task AMockTenantWithoutExactlyFiveOtherUsersIsRefusedBeforeNodeStarts()
    {
        var four = PlaygroundUsers.Default with { Others = PlaygroundUsers.Default.Others.Take(4).ToList() };

        await Assert.ThrowsAsync<ArgumentException>(() => PlaygroundSession.StartAsync(bot.Endpoint, four));
    }

    [Fact]
    public async Task AConfigThePlaygroundRejectsFailsTheStartWithThePlaygroundsOwnReason()
    {
        // The Playground's schema caps the bot name at 42 characters; the harness does not check that.
        var tooLong = PlaygroundUsers.Default with { BotName = new string('x', 43) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PlaygroundSession.StartAsync(bot.Endpoint, tooLong));

        output.WriteLine(error.Message);
        Assert.Contains("Failed to start Microsoft 365 Agents Playground", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreloadEndsNodeOnceItsParentIsGone()
    {
        // sh starts node in the background and exits at once, as a crashed test host would.
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("PLAYGROUND_PARENT_PID=$$ node --require \"$0\" -e 'setInterval(() => {}, 1000)' </dev/null >/dev/null 2>&1 & echo $!");
        info.ArgumentList.Add(Path.Combine(TeamsEngage.Testing.RepositoryPaths.NodePeers, "playground-loopback.cjs"));
        using var shell = Process.Start(info)!;
        var orphan = int.Parse((await shell.StandardOutput.ReadLineAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await shell.WaitForExitAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            while (IsRunning(orphan) && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
            Assert.False(IsRunning(orphan), "the orphaned node process " + orphan + " kept running");
        }
        finally
        {
            if (IsRunning(orphan))
            {
                using var leftover = Process.GetProcessById(orphan);
                leftover.Kill(entireProcessTree: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
