using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Tickets;

/// <summary>
/// A school for ticket tests: Science (SCI, promise 4 h) with Ben as liaison and Dana as backup; Mathematics (MAT)
/// with no liaison; Ana and Gus teach Science and Mathematics; Eli is an administrator; Fay is another department's liaison.
/// </summary>
internal static class TicketWorld
{
    public static readonly Persona Ana = Persona.Ana;
    public static readonly Persona Ben = Persona.Ben;
    public static readonly Persona Dana = Persona.Create("Dana Park", "dana");
    public static readonly Persona Eli = Persona.Create("Eli Grant", "eli");
    public static readonly Persona Fay = Persona.Create("Fay Moreno", "fay");
    public static readonly Persona Gus = Persona.Create("Gus Lind", "gus");
    public static readonly Persona Carmen = Persona.Carmen;

    /// <summary>
    /// Without a <paramref name="clock"/> the bot keeps the real clock and a calendar that is open round the clock, so
    /// promises are elapsed hours whatever the time a test runs; with one, the default school calendar
    /// (America/New_York, Monday to Friday, 07:30–16:00) counts them.
    /// </summary>
    public static async Task<BotApplication> StartAsync(TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null, string? dataDirectory = null, bool clearRequests = true, bool loopback = false)
    {
        var settings = DirectorySeeding.Settings(
        departments: string.Join('\n',
            $"Science,SCI,{DirectorySeeding.EmailOf(Ben)},{DirectorySeeding.EmailOf(Dana)},4",
            "Mathematics,MAT,,,8",
            $"Arts,ART,{DirectorySeeding.EmailOf(Fay)},,24"),
        people: string.Join('\n',
            $"{DirectorySeeding.EmailOf(Ana)},SCI,member,en",
            $"{DirectorySeeding.EmailOf(Carmen)},SCI,member,es",
            $"{DirectorySeeding.EmailOf(Gus)},MAT,member,en"),
        administrators: [Eli]);
        settings["TeamsEngage:Tickets:EscalationInterval"] = "01:00:00";
        if (clock is null)
        {
            foreach (var (key, value) in RoundTheClock)
            {
                settings[key] = value;
            }
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var bot = await BotApplication.StartAsync(settings, services: services, dataDirectory: dataDirectory, clock: clock, loopback: loopback);
        foreach (var persona in new[] { Ana, Ben, Dana, Eli, Fay, Gus, Carmen })
        {
            await bot.InstallAsAsync(persona);
        }
        if (clearRequests)
        {
            bot.Connector.ClearRequests();
        }
        return bot;
    }

    /// <summary>A default calendar open every hour of every day, for tests whose promises are elapsed time.</summary>
    public static IReadOnlyDictionary<string, string?> RoundTheClock { get; } = new Dictionary<string, string?>
    {
        ["TeamsEngage:Calendar:Zone"] = "Etc/UTC",
        ["TeamsEngage:Calendar:SchoolDays"] = "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
        ["TeamsEngage:Calendar:DayStart"] = "00:00",
        ["TeamsEngage:Calendar:DayEnd"] = "24:00",
    };

    /// <summary>The persona installs the bot (see <see cref="DirectorySeeding.InstallAsync"/>).</summary>
    public static Task InstallAsAsync(this BotApplication bot, Persona persona) => bot.InstallAsync(persona);

    /// <summary>A chat message from the persona.</summary>
    public static Task SayAsAsync(this BotApplication bot, Persona persona, string text) => bot.SayAsync(persona, text);

    /// <summary>Presses an Action.Execute button as the persona; returns the invoke response body.</summary>
    public static Task<JsonObject> ActAsync(this BotApplication bot, Persona persona, string verb, object? data = null, string replyToId = "1700000000900") =>
        bot.ExecuteAsync(persona, verb, data, replyToId);

    public static TicketStore Store(this BotApplication bot) => bot.Services.GetRequiredService<TicketStore>();

    /// <summary>Sends the report form as <paramref name="persona"/> and returns the ticket id from the confirmation card.</summary>
    public static async Task<string> ReportAsync(this BotApplication bot, Persona persona, string description = "The projector shows no picture", string formActivityId = "1700000000900")
    {
        var body = await bot.ActAsync(persona, TicketVerbs.Submit, new { description, location = "Room 12", urgency = "StoppingClass" }, formActivityId);
        var card = CardOf(body);
        var title = SentCards.TitleOf(card)!;
        return title[(title.LastIndexOf(' ') + 1)..];
    }

    /// <summary>The card of an invoke response; fails when the response is a message.</summary>
    public static JsonNode CardOf(JsonObject invokeBody)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeBody["type"]?.GetValue<string>());
        return invokeBody["value"]!;
    }

    /// <summary>The message of an invoke response; fails when the response is a card.</summary>
    public static string MessageOf(JsonObject invokeBody)
    {
        Assert.Equal("application/vnd.microsoft.activity.message", invokeBody["type"]?.GetValue<string>());
        return invokeBody["value"]!.GetValue<string>();
    }

    /// <summary>Waits until a message to <paramref name="persona"/> contains every one of <paramref name="fragments"/>; returns it.</summary>
    public static async Task<Activity> WaitForSentAsync(this BotApplication bot, Persona persona, params string[] fragments)
    {
        var requests = await bot.Connector.WaitForAsync(r =>
            r.Route is ConnectorRoute.Send or ConnectorRoute.Reply && r.Succeeded && r.ConversationId == persona.ConversationId
            && fragments.All(f => r.Body.Contains(f, StringComparison.Ordinal)));
        return requests[0].ReadActivity()!;
    }

    /// <summary>Waits until a card update (PUT) of <paramref name="activityId"/> contains every fragment.</summary>
    public static async Task WaitForUpdateAsync(this BotApplication bot, string activityId, params string[] fragments) =>
        await bot.Connector.WaitForAsync(r =>
            r.Route == ConnectorRoute.Update && r.Succeeded && r.ActivityId == activityId
            && fragments.All(f => r.Body.Contains(f, StringComparison.Ordinal)));

    /// <summary>The id of the ticket card the bot delivered to <paramref name="persona"/>, from the ticket's card records.</summary>
    public static async Task<string> DeliveredCardIdAsync(this BotApplication bot, string ticketId, Persona persona)
    {
        var cards = await Eventually.ValueAsync(
            () => bot.Store().CardsAsync(ticketId, CancellationToken.None),
            cards => cards.Any(c => c.ConversationId == persona.ConversationId),
            $"the card of {ticketId} delivered to {persona.Name}");
        return cards.First(c => c.ConversationId == persona.ConversationId).ActivityId;
    }

    public static int Count(this BotApplication bot, Persona persona, string fragment) =>
        bot.Connector.Requests.Count(r => r.Route is ConnectorRoute.Send && r.Succeeded && r.ConversationId == persona.ConversationId
            && r.Body.Contains(fragment, StringComparison.Ordinal));
}
