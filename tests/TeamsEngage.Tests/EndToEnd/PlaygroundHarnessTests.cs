using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsEngage.Testing.Playground;
using Xunit.Abstractions;

namespace TeamsEngage.Tests.EndToEnd;

// Tests of the Playground harness itself, against a tiny bot defined below (not the real TeamsEngage bot).
public sealed class PlaygroundHarnessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private FakeBot bot = null!;
    private PlaygroundSession session = null!;

    public async Task InitializeAsync()
    {
        bot = await FakeBot.StartAsync();
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
        Assert.Equal(FakeBot.Verb, card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(reply.MessageId));
    }

    [Fact]
    public async Task InvokeOnACardReturnsTheBotsInvokeResponse()
    {
        await session.SendTextAsync("ping");
        var reply = await session.WaitForCardAsync(_ => true, Wait);

        var response = await session.InvokeAsync(FakeBot.Verb, new JsonObject { ["choice"] = "yes" }, reply.MessageId!);

        // The Playground relays only type and value of the bot's {statusCode, type, value}.
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Equal("done", response["value"]!.GetValue<string>());
        var invoke = bot.Received.Single(r => r.Type == "invoke").Body;
        Assert.Equal("adaptiveCard/action", invoke["name"]!.GetValue<string>());
        Assert.Equal(FakeBot.Verb, invoke["value"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("yes", invoke["value"]!["action"]!["data"]!["choice"]!.GetValue<string>());
        Assert.Equal(reply.MessageId, invoke["replyToId"]!.GetValue<string>());
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
        Assert.True(Directory.Exists(folder));

        await session.DisposeAsync();

        Assert.False(IsRunning(pid), "node process " + pid + " is still running");
        Assert.False(Directory.Exists(folder));
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

        Assert.Contains("Failed to start Microsoft 365 Agents Playground", error.Message, StringComparison.Ordinal);
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

    private sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, JsonNode Body)
    {
        public string? Type => Body["type"]?.GetValue<string>();
    }

    // A bot that speaks just enough of the Bot Connector protocol to exercise the harness.
    private sealed class FakeBot : IAsyncDisposable
    {
        public const string Verb = "confirm";
        private readonly ConcurrentQueue<ReceivedRequest> received = new();
        private readonly HttpClient connector = new(new SocketsHttpHandler { UseProxy = false });
        private WebApplication? app;

        private FakeBot()
        {
        }

        public Uri Endpoint { get; private set; } = null!;

        public IReadOnlyList<ReceivedRequest> Received => received.ToArray();

        public static async Task<FakeBot> StartAsync()
        {
            var bot = new FakeBot();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            bot.app = builder.Build();
            bot.app.MapPost("/api/messages", bot.HandleAsync);
            await bot.app.StartAsync();
            var address = bot.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            bot.Endpoint = new Uri(new Uri(address), "/api/messages");
            return bot;
        }

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            connector.Dispose();
        }

        private async Task<IResult> HandleAsync(HttpRequest request)
        {
            var activity = await JsonNode.ParseAsync(request.Body) ?? new JsonObject();
            received.Enqueue(new ReceivedRequest(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), activity));
            var type = activity["type"]?.GetValue<string>();
            switch (type)
            {
                case "invoke" when activity["name"]?.GetValue<string>() == "adaptiveCard/action":
                    return Results.Json(new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "done" });
                case "installationUpdate" or "conversationUpdate":
                    await ReplyAsync(activity, new JsonObject { ["text"] = "welcome via " + type });
                    break;
                case "message" when activity["text"]?.GetValue<string>() == "ping":
                    await ReplyAsync(activity, new JsonObject { ["attachments"] = new JsonArray(CardAttachment()) });
                    break;
                case "message" when activity["value"] is JsonObject value:
                    await ReplyAsync(activity, new JsonObject { ["text"] = "submitted " + value.ToJsonString() });
                    break;
            }
            return Results.Ok();
        }

        private async Task ReplyAsync(JsonNode incoming, JsonObject reply)
        {
            reply["type"] = "message";
            reply["from"] = incoming["recipient"]?.DeepClone();
            reply["recipient"] = incoming["from"]?.DeepClone();
            reply["conversation"] = incoming["conversation"]?.DeepClone();
            reply["replyToId"] = incoming["id"]?.DeepClone();
            var serviceUrl = incoming["serviceUrl"]!.GetValue<string>().TrimEnd('/');
            var conversationId = Uri.EscapeDataString(incoming["conversation"]!["id"]!.GetValue<string>());
            using var response = await connector.PostAsJsonAsync(new Uri(serviceUrl + "/v3/conversations/" + conversationId + "/activities"), reply);
            response.EnsureSuccessStatusCode();
        }

        private static JsonObject CardAttachment() => new()
        {
            ["contentType"] = PlaygroundMessage.AdaptiveCardContentType,
            ["content"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "pong", ["wrap"] = true }),
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Confirm", ["verb"] = Verb }),
            },
        };
    }
}
