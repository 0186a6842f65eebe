using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// A New York school with lessons 08:00–10:00 and 10:20–15:10 and a confirmation above one recipient. Ana (English) and
/// Carmen (Spanish) administer; Ben and Dan are in Science, Carmen in Mathematics. At 09:00 on Tuesday 15 December 2026,
/// mid-lesson, a notice's author is told who gets it now and who waits for the bell, from a Teams client in New York.
/// </summary>
public sealed class NoticeQuietStatusTests
{
    [Fact]
    public async Task TheAuthorSeesWhoWaitsForTheBellOnTheConfirmationTheSentCardAndTheStatusCard()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        using var home = Fixtures.InHomeTenant();

        var id = await PreviewAsync(bot, Persona.Ana, NoticeFlow.Form());
        var confirm = NoticeFlow.CardOf(await bot.ActInNewYorkAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id }));
        var sent = NoticeFlow.CardOf(await bot.ActInNewYorkAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id, confirmed = true }));
        var status = await StatusOnceWrittenAsync(bot, clock, Persona.Ana, id, 2);

        Assert.Contains("Quiet hours: 0 now, 2 after 10:00 AM.", Said(confirm), StringComparison.Ordinal);
        Assert.Contains("Quiet hours: 0 now, 2 after 10:00 AM.", Said(sent), StringComparison.Ordinal);
        Assert.Contains("0 now, 2 after 10:00 AM", FactValue(status, "Quiet hours").Replace('\u202F', ' '), StringComparison.Ordinal);
        await AssertParsesAsync(("quiet.confirm.en", confirm), ("quiet.sent.en", sent), ("quiet.status.en", status));
    }

    [Fact]
    public async Task ASpanishAuthorReadsTheWaitInSpanishAndAnUrgentNoticeShowsNoWait()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        using var home = Fixtures.InHomeTenant();
        var everyone = NoticeFlow.Form(departments: "SCI,MATH");
        var urgent = NoticeFlow.Form();
        urgent["urgent"] = "true";
        urgent["title"] = "Gradebook outage fix";

        var id = await PreviewAsync(bot, Persona.Carmen, everyone);
        var sent = NoticeFlow.CardOf(await bot.ActInNewYorkAsync(Persona.Carmen, NoticeVerbs.Send, new { noticeId = id, confirmed = true }));
        var status = await StatusOnceWrittenAsync(bot, clock, Persona.Carmen, id, 3);
        var urgentId = await PreviewAsync(bot, Persona.Ana, urgent);
        var urgentSent = NoticeFlow.CardOf(await bot.ActInNewYorkAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = urgentId, confirmed = true }));
        var urgentStatus = await StatusOnceWrittenAsync(bot, clock, Persona.Ana, urgentId, 2);

        Assert.Contains("Horas de silencio: 0 ahora, 3 esperan hasta 10:00.", Said(sent), StringComparison.Ordinal);
        Assert.Contains("0 ahora, 3 esperan hasta 10:00", FactValue(status, "Horas de silencio"), StringComparison.Ordinal);
        Assert.DoesNotContain("Quiet hours", CardReading.Said(urgentSent), StringComparison.Ordinal);
        Assert.Null(FactValueOrNull(urgentStatus, "Quiet hours"));
        await AssertParsesAsync(("quiet.sent.es", sent), ("quiet.status.es", status));
    }

    internal static async Task<(BotApplication Bot, FakeTimeProvider Clock)> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var clock = new FakeTimeProvider(InNewYork(2026, 12, 15, 9, 0));
        var settings = new Dictionary<string, string?>(Outbox.OutboxHost.FastSettings())
        {
            ["TeamsEngage:Calendar:Lessons"] = "08:00-10:00,10:20-15:10",
            ["TeamsEngage:Notices:ConfirmAbove"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var bot = await DirectorySeeding.StartAsync(
            departments: "Science,SCI,,,24\nMathematics,MATH,,,24",
            people: string.Join('\n',
                $"{DirectorySeeding.EmailOf(Persona.Ben)},SCI,member,en",
                $"{DirectorySeeding.EmailOf(NoticeFlow.Dan)},SCI,member,en",
                $"{DirectorySeeding.EmailOf(Persona.Carmen)},MATH,member,es"),
            administrators: [Persona.Ana, Persona.Carmen],
            installed: [Persona.Ana, Persona.Ben, Persona.Carmen, NoticeFlow.Dan],
            settings: settings,
            clock: clock);
        return (bot, clock);
    }

    internal static async Task<string> PreviewAsync(BotApplication bot, Persona author, Dictionary<string, object?> form)
    {
        var preview = NoticeFlow.CardOf(await bot.ActInNewYorkAsync(author, NoticeVerbs.Preview, form));
        return NoticeFlow.Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send)["data"]!["noticeId"]!.GetValue<string>();
    }

    /// <summary>The status card once the outbox has written a row for each of <paramref name="recipients"/>.</summary>
    internal static async Task<JsonNode> StatusOnceWrittenAsync(BotApplication bot, FakeTimeProvider clock, Persona author, string noticeId, int recipients)
    {
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        await using (new ClockTicker(clock))
        {
            await Eventually.TrueAsync(async () => await outbox.ReadProgressAsync(noticeId) is { Done: true }
                && await outbox.ReadDeliveriesAsync(noticeId).CountAsync() == recipients, "every recipient's row written");
        }
        return NoticeFlow.CardOf(await bot.ActInNewYorkAsync(author, NoticeVerbs.Status, new { noticeId }));
    }

    // Cultures with ICU write a narrow no-break space before AM/PM.
    internal static string Said(JsonNode card) => CardReading.Said(card).Replace('\u202F', ' ');

    internal static string FactValue(JsonNode card, string title) =>
        FactValueOrNull(card, title) ?? throw new Xunit.Sdk.XunitException($"No fact '{title}' in {card.ToJsonString()}");

    internal static string? FactValueOrNull(JsonNode card, string title) =>
        NoticeFlow.Walk(card).Where(o => o["title"]?.GetValue<string>() == title && o["value"] is not null)
            .Select(o => o["value"]!.GetValue<string>()).FirstOrDefault();

    internal static async Task AssertParsesAsync(params (string Name, JsonNode Card)[] cards)
    {
        var reports = await AdaptiveCardsParser.ValidateAsync(cards);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }
}
