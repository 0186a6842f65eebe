using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;
using TeamsEngage.Features.Notices;
using TeamsEngage.Tests.Support;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;

namespace TeamsEngage.Tests.Notices;

/// <summary>The steps of the notice tests: a seeded school, the composer's inputs, and reading the cards that come back.</summary>
internal static class NoticeFlow
{
    public static Persona Dan { get; } = Persona.Create("Dan Reyes", "dan");
    public static Persona Eve { get; } = Persona.Create("Eve Lin", "eve");

    /// <summary>
    /// Ana administers; Ben (SCI), Carmen (MATH, Spanish) and Dan (SCI, liaison) have installed the bot; Eve (ART) is only
    /// imported, so she cannot be reached.
    /// </summary>
    public static Task<BotApplication> StartSchoolAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null, string? dataDirectory = null) => DirectorySeeding.StartAsync(
        departments: "Science,SCI,,,24\nMathematics,MATH,,,24\nArt,ART,,,24",
        people: string.Join('\n',
            $"{DirectorySeeding.EmailOf(Persona.Ben)},SCI,member,en",
            $"{DirectorySeeding.EmailOf(Persona.Carmen)},MATH,member,es",
            $"{DirectorySeeding.EmailOf(Dan)},SCI,liaison,en",
            $"{DirectorySeeding.EmailOf(Eve)},ART,member,en"),
        administrators: [Persona.Ana],
        installed: [Persona.Ana, Persona.Ben, Persona.Carmen, Dan],
        settings: settings,
        clock: clock,
        services: services,
        dataDirectory: dataDirectory);

    /// <summary>The composer's inputs as Teams merges them into the action data.</summary>
    public static Dictionary<string, object?> Form(string audience = "Departments", string departments = "SCI", string roles = "", string pilot = "", string? noticeId = null) => new()
    {
        ["noticeId"] = noticeId,
        ["title"] = "Gradebook upgrade *tonight*",
        ["what"] = "The gradebook moves to version 5.",
        ["why"] = "Faster loading.",
        ["startDate"] = "2031-03-04",
        ["startTime"] = "18:00",
        ["endDate"] = "2031-03-04",
        ["endTime"] = "20:00",
        ["timeZone"] = "America/Chicago",
        ["impact"] = "Disruption",
        ["audience"] = audience,
        ["departments"] = departments,
        ["roles"] = roles,
        ["pilot"] = pilot,
        ["links"] = "https://help.school.example/gradebook",
        ["ack"] = "true",
    };

    /// <summary>Composes and previews a notice as Ana; returns the preview card and the new notice's id.</summary>
    public static async Task<(JsonNode Preview, string NoticeId)> PreviewAsync(BotApplication bot, Dictionary<string, object?> form)
    {
        var response = await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Preview, form);
        var card = CardOf(response);
        var send = Actions(card).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send);
        return (card, send["data"]!["noticeId"]!.GetValue<string>());
    }

    /// <summary>Previews and sends a notice; returns its id.</summary>
    public static async Task<string> SendAsync(BotApplication bot, Dictionary<string, object?> form)
    {
        var (_, id) = await PreviewAsync(bot, form);
        var sent = await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id });
        Assert.StartsWith("Sent:", NoticeCardTests.TextBlocks(CardOf(sent)).First(), StringComparison.Ordinal);
        return id;
    }

    /// <summary>The Adaptive Card of an invoke response (fails when the response is a message).</summary>
    public static JsonNode CardOf(JsonObject invokeResponse)
    {
        Assert.True(invokeResponse["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", invokeResponse.ToJsonString());
        return invokeResponse["value"]!;
    }

    /// <summary>The text of an invoke response that is a message.</summary>
    public static string MessageOf(JsonObject invokeResponse)
    {
        Assert.True(invokeResponse["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message", invokeResponse.ToJsonString());
        return invokeResponse["value"]!.GetValue<string>();
    }

    /// <summary>Every Action.Execute / Action.Submit anywhere in a card (body action sets and show-cards included).</summary>
    public static IEnumerable<JsonObject> Actions(JsonNode card) => Walk(card).Where(o => o["verb"] is not null);

    /// <summary>The notice cards delivered to a persona's chat (the cards with the concern button).</summary>
    public static IReadOnlyList<Activity> Delivered(BotApplication bot, Persona persona) =>
        [.. bot.SentTo(persona).Where(a => a.Attachments is { Count: > 0 } && Actions(SentCards.CardOf(a)).Any(x => x["verb"]?.GetValue<string>() == NoticeVerbs.Concern))];

    /// <summary>Waits until the persona's chat has <paramref name="count"/> notice cards.</summary>
    public static async Task<IReadOnlyList<Activity>> WaitForNoticeAsync(BotApplication bot, Persona persona, int count = 1)
    {
        await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.Succeeded && r.ConversationId == persona.ConversationId, count, TimeSpan.FromSeconds(20));
        return Delivered(bot, persona);
    }

    /// <summary>Waits until the outbox has recorded <paramref name="count"/> deliveries of the notice as sent.</summary>
    public static Task UntilDeliveredAsync(BotApplication bot, string noticeId, int count)
    {
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        return Eventually.TrueAsync(
            async () => await outbox.ReadDeliveriesAsync(noticeId).CountAsync(d => d.Status == DeliveryStatus.Sent) >= count,
            $"the outbox to record {count} deliveries of {noticeId}");
    }

    /// <summary>Waits until no delivery of the notice is pending: everyone in its audience was sent it or failed.</summary>
    public static Task UntilSettledAsync(BotApplication bot, string noticeId)
    {
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        // The rows are written in the background after Send answers: settled means written, then nothing pending.
        return Eventually.TrueAsync(
            async () => await outbox.ReadProgressAsync(noticeId) is { Done: true }
                && await outbox.ReadDeliveriesAsync(noticeId).AllAsync(d => d.Status != DeliveryStatus.Pending),
            $"every delivery of {noticeId} to settle");
    }

    /// <summary>Retries an invoke until it answers with a card: delivery is recorded just after the send itself.</summary>
    public static Task<JsonObject> UntilCardAsync(Func<Task<JsonObject>> invoke) =>
        Eventually.ValueAsync(invoke, r => r["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", "the invoke to answer with a card");

    internal static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Walk(p.Value))],
        JsonArray array => array.SelectMany(Walk),
        _ => [],
    };
}
