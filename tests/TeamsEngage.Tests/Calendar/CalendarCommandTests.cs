using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Calendar;
using TeamsEngage.Features.Calendar;
using TeamsEngage.Localization;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>Eli is an administrator; Ana a member; it is Tuesday 15 December 2026 at 10:00 in New York.</summary>
public sealed class CalendarCommandTests
{
    private static readonly DateTimeOffset Tuesday = InNewYork(2026, 12, 15, 10);

    [Fact]
    public async Task AnAdministratorDeclaresASnowDayInTwoTapsAndAnOpenPromiseMovesToTheNextSchoolDay()
    {
        var (bot, clock) = await StartAsync(InNewYork(2026, 12, 15, 9));
        await using var _bot = bot;
        var (id, _) = await bot.ReportInNewYorkAsync(TicketWorld.Ana);
        clock.SetUtcNow(Tuesday);

        await bot.SayAsync(TicketWorld.Eli, "calendar");
        var overview = SentCards.CardOf(bot.SentTo(TicketWorld.Eli)[^1]);
        Assert.Contains("Close today (snow day)", CardReading.ActionTitles(overview));
        var confirm = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.AskClosure));
        Assert.Contains("Tue 15 Dec becomes a closure", CardReading.Said(confirm), StringComparison.Ordinal);
        var data = confirm["actions"]![0]!["data"]!;
        var after = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.Close, new { date = data["date"]!.GetValue<string>(), reason = "Snow day" }));

        Assert.Contains("Tue 15 Dec is closed.", CardReading.Said(after), StringComparison.Ordinal);
        Assert.Contains("Tue 15 Dec: closed (Snow day)", CardReading.Said(after), StringComparison.Ordinal);
        var told = await bot.WaitForSentAsync(TicketWorld.Ana, id, "School is closed (Snow day)");
        Assert.Contains("now by Wed 16 Dec, 10:30 AM (Eastern time).", CardReading.Said(SentCards.CardOf(told)).Replace('\u202F', ' '), StringComparison.Ordinal);
        using var home = Fixtures.InHomeTenant();
        Assert.True((await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None)).IsClosed(new DateOnly(2026, 12, 15)));
    }

    [Fact]
    public async Task AConfirmationFromYesterdayClosesNothingToday()
    {
        var (bot, _) = await StartAsync(Tuesday);
        await using var _bot = bot;

        var answer = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.Close, new { date = "2026-12-14" }));

        Assert.Contains("That confirmation was for 2026-12-14, not today.", CardReading.Said(answer), StringComparison.Ordinal);
        using var home = Fixtures.InHomeTenant();
        Assert.Empty((await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None)).Closures);
    }

    [Fact]
    public async Task MembersAreRefusedTheCommandAndEveryCardActionEvenForged()
    {
        var (bot, _) = await StartAsync(Tuesday);
        await using var _bot = bot;
        var en = Texts.For("en");

        await bot.SayAsync(TicketWorld.Ana, "calendar");
        var answers = new List<JsonObject>
        {
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.Show),
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.AskClosure),
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.Close, new { date = "2026-12-15", reason = "Forged" }),
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.AddWindow, new { kind = "Freeze", name = "Forged", startDate = "2026-12-16", startTime = "08:00", endDate = "2026-12-17", endTime = "08:00" }),
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.RemoveWindow, new { windowId = "any" }),
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.Import, new { ics = IcsImportTests.Springfield }),
        };

        Assert.Equal(en["Refused_Command"], bot.SentTo(TicketWorld.Ana)[^1].Text);
        Assert.All(answers, a => Assert.Equal(en["Calendar_Refused"], TicketWorld.MessageOf(a)));
        using var home = Fixtures.InHomeTenant();
        var calendar = await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None);
        Assert.Equal((0, 0, 0), (calendar.Closures.Count, calendar.Breaks.Count, calendar.Windows.Count));
    }

    [Fact]
    public async Task AWindowWithoutANameOrEndingBeforeItStartsShowsEachErrorUnderItsFieldThenAValidOneIsListedAndRemoved()
    {
        var (bot, _) = await StartAsync(Tuesday);
        await using var _bot = bot;

        var wrong = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.AddWindow,
            new { kind = "Testing", name = " ", startDate = "2027-04-12", startTime = "08:00", endDate = "2027-04-11", endTime = "08:00" }));
        Assert.Equal(
            ["Add a window", "Dates and times in America/New_York.", "input:kind", "input:name", "Give the window a name (up to 100 characters).",
             "ColumnSet", "ColumnSet", "Choose an end date and time after the start."],
            CardReading.BodyOutline(wrong));

        var added = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.AddWindow,
            new { kind = "Testing", name = "State testing", startDate = "2027-04-12", startTime = "08:00", endDate = "2027-04-16", endTime = "11:30" }));
        Assert.Contains("Testing · State testing: Mon 12 Apr, 8:00 AM (Eastern time) – Fri 16 Apr, 11:30 AM (Eastern time)", CardReading.Said(added).Replace('\u202F', ' '), StringComparison.Ordinal);
        string windowId;
        using (Fixtures.InHomeTenant())
        {
            var window = Assert.Single((await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None)).Windows);
            Assert.Equal((InNewYork(2027, 4, 12, 8), InNewYork(2027, 4, 16, 11, 30)), (window.Start, window.End));
            windowId = window.Id;
        }

        var removed = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.RemoveWindow, new { windowId }));
        var again = await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.RemoveWindow, new { windowId });

        Assert.Contains("Removed State testing.", CardReading.Said(removed), StringComparison.Ordinal);
        Assert.Equal("That window is no longer in the calendar.", TicketWorld.MessageOf(again));
    }

    [Fact]
    public async Task AnImportedIcsFillsTheCalendarAndTheSpanishCommandWordOpensIt()
    {
        var (bot, _) = await StartAsync(InNewYork(2026, 11, 2, 9));
        await using var _bot = bot;

        var imported = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.Import, new { ics = IcsImportTests.Springfield }));
        await bot.SayAsync(TicketWorld.Eli, "calendario");

        Assert.Contains("Imported 4 closures, 2 breaks and 7 windows; skipped 3 timed events.", CardReading.Said(imported), StringComparison.Ordinal);
        Assert.Contains("Thanksgiving Break: Thu 26 Nov – Fri 27 Nov", CardReading.Said(imported), StringComparison.Ordinal);
        // The answer to "calendario", found by its title: a message the outbox delivers meanwhile may come after it.
        Assert.Contains("School calendar", bot.SentTo(TicketWorld.Eli).Where(a => a.Attachments is { Count: > 0 }).Select(SentCards.TitleOf));
    }

    [Fact]
    public async Task TheCalendarCardsParseInEnglishAndSpanish()
    {
        var calendar = IcsImport.Read(IcsImportTests.Springfield, NewYork, InNewYork(2026, 11, 2, 9))!
            .MergeInto(new SchoolCalendar(NewYork, [DayOfWeek.Monday, DayOfWeek.Friday], new SchoolHours(new TimeOnly(7, 30), new TimeOnly(16, 0)), [], [], []));
        var samples = new List<(string, JsonNode)>();
        foreach (var language in new[] { "en", "es" })
        {
            var texts = Texts.For(language);
            samples.Add(($"calendar.overview.{language}", CalendarCards.Overview(calendar, InNewYork(2026, 11, 23, 9), texts, "Notice").ToJsonNode()));
            samples.Add(($"calendar.confirm.{language}", CalendarCards.ConfirmClosure(new DateOnly(2026, 11, 23), texts).ToJsonNode()));
            samples.Add(($"calendar.window.{language}", CalendarCards.WindowForm(new WindowFormData(), new Dictionary<string, string> { ["name"] = "x" }, NewYork, texts).ToJsonNode()));
            samples.Add(($"calendar.import.{language}", CalendarCards.ImportForm(texts, "x").ToJsonNode()));
        }

        var reports = await AdaptiveCardsParser.ValidateAsync(samples);

        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }
}
