using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Feedback;

/// <summary>
/// A school for feedback tests: Science (SCI) with Ben as liaison, Art (ART) with Fay as liaison; Ana, Gus and Carmen
/// (Spanish) teach Science, Hal teaches Art; Eli is an administrator.
/// </summary>
internal static class FeedbackWorld
{
    public static readonly Persona Ana = Persona.Ana;
    public static readonly Persona Ben = Persona.Ben;
    public static readonly Persona Carmen = Persona.Carmen;
    public static readonly Persona Eli = Persona.Create("Eli Grant", "eli");
    public static readonly Persona Fay = Persona.Create("Fay Moreno", "fay");
    public static readonly Persona Gus = Persona.Create("Gus Lind", "gus");
    public static readonly Persona Hal = Persona.Create("Hal Ito", "hal");

    public static IReadOnlyList<Persona> Everyone { get; } = [Ana, Ben, Carmen, Eli, Fay, Gus, Hal];

    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = DirectorySeeding.Settings(
            departments: $"Science,SCI,{DirectorySeeding.EmailOf(Ben)},,24\nArt,ART,{DirectorySeeding.EmailOf(Fay)},,24",
            people: string.Join('\n',
                $"{DirectorySeeding.EmailOf(Ana)},SCI,member,en",
                $"{DirectorySeeding.EmailOf(Gus)},SCI,member,en",
                $"{DirectorySeeding.EmailOf(Carmen)},SCI,member,es",
                $"{DirectorySeeding.EmailOf(Hal)},ART,member,en",
                $"{DirectorySeeding.EmailOf(Ben)},SCI,liaison,en",
                $"{DirectorySeeding.EmailOf(Fay)},ART,liaison,en"),
            administrators: [Eli]);
        foreach (var (key, value) in OutboxHost.FastSettings())
        {
            settings[key] = value;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    public static async Task<BotApplication> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, string? dataDirectory = null, Action<IServiceCollection>? services = null)
    {
        var bot = await BotApplication.StartAsync(Settings(extra), dataDirectory: dataDirectory, services: services);
        foreach (var persona in Everyone)
        {
            await bot.InstallAsync(persona);
        }
        bot.Connector.ClearRequests();
        return bot;
    }

    /// <summary>Files feedback through the form as <paramref name="persona"/>, past any similar items; returns its id.</summary>
    public static async Task<string> FileAsync(this BotApplication bot, Persona persona, string text, bool anonymous = false, string kind = "Idea", string topic = "general")
    {
        var card = CardOf(await bot.ExecuteAsync(persona, FeedbackVerbs.Submit, new { kind, text, topic, anonymous = anonymous ? "true" : "false", fileAnyway = "true" }));
        var title = SentCards.TitleOf(card)!;
        return title[(title.LastIndexOf(' ') + 1)..];
    }

    public static Task<JsonObject> SupportAsync(this BotApplication bot, Persona persona, string itemId) =>
        bot.ExecuteAsync(persona, FeedbackVerbs.Support, new { itemId });

    public static Task<JsonObject> MoveAsync(this BotApplication bot, Persona persona, string itemId, string to, string? targetDate = null, string? reason = null, string? mergeInto = null) =>
        bot.ExecuteAsync(persona, FeedbackVerbs.Move, new { itemId, to, targetDate, reason, mergeInto });

    public static FeedbackStore Store(this BotApplication bot) => bot.Services.GetRequiredService<FeedbackStore>();

    public static async Task<FeedbackItem> ItemAsync(this BotApplication bot, string itemId)
    {
        using var tenant = Fixtures.InHomeTenant();
        return (await bot.Store().FindAsync(itemId, CancellationToken.None))!;
    }

    public static JsonNode CardOf(JsonObject invokeBody)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeBody["type"]?.GetValue<string>());
        return invokeBody["value"]!;
    }

    public static string MessageOf(JsonObject invokeBody)
    {
        Assert.Equal("application/vnd.microsoft.activity.message", invokeBody["type"]?.GetValue<string>());
        return invokeBody["value"]!.GetValue<string>();
    }

    /// <summary>How many messages sent to <paramref name="persona"/> so far contain <paramref name="fragment"/>.</summary>
    public static int Count(this BotApplication bot, Persona persona, string fragment) =>
        bot.Connector.Requests.Count(r => r.Route is ConnectorRoute.Send && r.Succeeded && r.ConversationId == persona.ConversationId
            && r.Body.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Waits for a message to <paramref name="persona"/> containing every fragment.</summary>
    public static Task WaitForSentAsync(this BotApplication bot, Persona persona, params string[] fragments) =>
        bot.Connector.WaitForAsync(r => r.Route is ConnectorRoute.Send && r.Succeeded && r.ConversationId == persona.ConversationId
            && fragments.All(f => r.Body.Contains(f, StringComparison.Ordinal)));
}
