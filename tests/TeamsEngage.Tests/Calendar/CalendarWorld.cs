using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Calendar;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// The ticket school (<see cref="TicketWorld"/>) on a fake clock set to a given New York wall-clock time, with the
/// default school calendar (America/New_York, Monday to Friday, 07:30–16:00). Background timers tick once a day, so
/// only the sweeps a test runs itself take steps.
/// </summary>
internal static class CalendarWorld
{
    public const string NewYork = "America/New_York";

    public static async Task<(BotApplication Bot, FakeTimeProvider Clock)> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var clock = new FakeTimeProvider(start);
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings())
        {
            ["TeamsEngage:Tickets:EscalationInterval"] = "1.00:00:00",
            ["TeamsEngage:Privacy:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Polls:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Surveys:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Feedback:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Notices:SchedulerInterval"] = "1.00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return (await TicketWorld.StartAsync(clock, settings), clock);
    }

    /// <summary>A wall-clock time in New York as an instant.</summary>
    public static DateTimeOffset InNewYork(int year, int month, int day, int hour, int minute = 0) =>
        CalendarZones.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute), NewYork);

    /// <summary>Changes the home tenant's calendar directly (the tests of the <c>calendar</c> command go through cards).</summary>
    public static async Task ChangeCalendarAsync(this BotApplication bot, Func<SchoolCalendar, SchoolCalendar> change, DateTimeOffset now)
    {
        using var home = Fixtures.InHomeTenant();
        var result = await bot.Services.GetRequiredService<SchoolCalendars>().ChangeAsync(c => Decision.Write(change(c)), now, CancellationToken.None);
        Assert.True(result.Written);
    }

    /// <summary>Presses a button as the persona from a Teams client in New York; returns the invoke response body.</summary>
    public static async Task<JsonObject> ActInNewYorkAsync(this BotApplication bot, Persona persona, string verb, object? data = null, string replyToId = "1700000000900")
    {
        var node = Fixtures.LoadNode("invoke-card-action.json", bot.Connector.BaseUrl, persona, new Dictionary<string, string>
        {
            ["verb"] = verb,
            ["data"] = JsonSerializer.Serialize(data ?? new { }),
        });
        node["replyToId"] = replyToId;
        node["localTimezone"] = NewYork;
        using var response = await bot.PostAsync(node.ToJsonString());
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Reports a problem as the persona from New York; returns the ticket id and the confirmation card's text.</summary>
    public static async Task<(string Id, string CardText)> ReportInNewYorkAsync(this BotApplication bot, Persona persona, string formActivityId = "1700000000900")
    {
        var body = await bot.ActInNewYorkAsync(persona, Features.Tickets.TicketVerbs.Submit,
            new { description = "The projector shows no picture", location = "Room 12", urgency = "StoppingClass" }, formActivityId);
        var card = TicketWorld.CardOf(body);
        var title = SentCards.TitleOf(card)!;
        return (title[(title.LastIndexOf(' ') + 1)..], SentCards.AllText(card));
    }
}
