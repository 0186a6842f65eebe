using System.Collections.Concurrent;
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

namespace TeamsEngage.Tests.EndToEnd;

internal sealed record PlaygroundFakeBotRequest(IReadOnlyDictionary<string, string> Headers, JsonNode Body)
{
    public string? Type => Body["type"]?.GetValue<string>();
}

// A bot that speaks just enough of the Bot Connector protocol to exercise the harness.
internal sealed class PlaygroundFakeBot : IAsyncDisposable
{
    public const string Verb = "confirm";
    private readonly ConcurrentQueue<PlaygroundFakeBotRequest> received = new();
    private readonly HttpClient connector = new(new SocketsHttpHandler { UseProxy = false });
    private WebApplication? app;

    private PlaygroundFakeBot()
    {
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<PlaygroundFakeBotRequest> Received => received.ToArray();

    public static async Task<PlaygroundFakeBot> StartAsync()
    {
        var bot = new PlaygroundFakeBot();
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
        received.Enqueue(new PlaygroundFakeBotRequest(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), activity));
        var type = activity["type"]?.GetValue<string>();
        switch (type)
        {
            case "invoke" when activity["name"]?.GetValue<string>() == "adaptiveCard/action":
                await UpdateCardAsync(activity, "confirmed");
                return Results.Json(new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "done" });
            case "installationUpdate" or "conversationUpdate":
                await ReplyAsync(activity, new JsonObject { ["text"] = "welcome via " + type });
                break;
            case "message" when activity["text"]?.GetValue<string>() == "ping":
                await ReplyAsync(activity, new JsonObject { ["attachments"] = new JsonArray(CardAttachment("pong")) });
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
        using var response = await connector.PostAsJsonAsync(ActivitiesUri(incoming), reply);
        response.EnsureSuccessStatusCode();
    }

    // The Bot Connector's "update activity": PUT v3/conversations/{id}/activities/{activityId}.
    private async Task UpdateCardAsync(JsonNode invoke, string text)
    {
        var update = new JsonObject
        {
            ["type"] = "message",
            ["id"] = invoke["replyToId"]!.GetValue<string>(),
            ["attachments"] = new JsonArray(CardAttachment(text)),
        };
        using var response = await connector.PutAsJsonAsync(ActivitiesUri(invoke, invoke["replyToId"]!.GetValue<string>()), update);
        response.EnsureSuccessStatusCode();
    }

    private static Uri ActivitiesUri(JsonNode incoming, string? activityId = null)
    {
        var serviceUrl = incoming["serviceUrl"]!.GetValue<string>().TrimEnd('/');
        var conversationId = Uri.EscapeDataString(incoming["conversation"]!["id"]!.GetValue<string>());
        var activity = activityId is null ? "" : "/" + Uri.EscapeDataString(activityId);
        return new Uri(serviceUrl + "/v3/conversations/" + conversationId + "/activities" + activity);
    }

    private static JsonObject CardAttachment(string text) => new()
    {
        ["contentType"] = PlaygroundMessage.AdaptiveCardContentType,
        ["content"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Confirm", ["verb"] = Verb }),
        },
    };
}
