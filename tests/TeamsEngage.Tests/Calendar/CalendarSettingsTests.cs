using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Calendar;
using TeamsEngage.Features.Calendar;
using TeamsEngage.Localization;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// Eli administers the ticket school (Science, Mathematics MAT, Arts); Ana is a member. Configuration gives the default
/// calendar (New York, Monday to Friday, 07:30–16:00) and lessons 08:00–10:00, 10:20–15:10; it is Tuesday 15 December
/// 2026 at 09:00 in New York.
/// </summary>
public sealed class CalendarSettingsTests
{
    private static readonly Dictionary<string, string?> Lessons = new() { ["TeamsEngage:Calendar:Lessons"] = "08:00-10:00,10:20-15:10" };

    [Fact]
    public async Task AnAdministratorSetsTheDistrictsZoneDaysHoursAndLessonsOnACardAndTheStoredValuesWinOverConfiguration()
    {
        await using var bot = await StartAsync();

        var form = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SettingsForm));
        var saved = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SaveSettings,
            new { zone = "America/Chicago", days = "Mon,Tue,Wed,Thu", dayStart = "08:00", dayEnd = "15:00", lessons = "08:15-09:15,09:30-11:00", openDepartment = "ART" }));

        Assert.Equal(("America/New_York", "Mon,Tue,Wed,Thu,Fri", "07:30", "16:00", "08:00-10:00,10:20-15:10"),
            (Value(form, "zone"), Value(form, "days"), Value(form, "dayStart"), Value(form, "dayEnd"), Value(form, "lessons")));
        Assert.Contains("Saved: the school hours and lessons.", CardReading.Said(saved), StringComparison.Ordinal);
        using var home = Fixtures.InHomeTenant();
        var calendar = await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None);
        Assert.Equal(("America/Chicago", 4, new SchoolHours(new(8, 0), new(15, 0)), "08:15-09:15,09:30-11:00"),
            (calendar.ZoneId, calendar.SchoolDays.Count, calendar.Hours, CalendarSettingsForm.LessonsText(calendar.Lessons)));
        Assert.Empty(calendar.Departments);
        // 10:05 in Chicago is mid-lesson by the stored lessons (the configured ones would let it go): held until 11:00 there.
        var plan = await bot.Services.GetRequiredService<QuietHours>().PlanAsync(InNewYork(2026, 12, 15, 11, 5), CancellationToken.None);
        Assert.Equal(InNewYork(2026, 12, 15, 12, 0), plan.For(null));
    }

    [Fact]
    public async Task BadInputShowsEachErrorUnderItsFieldAndChangesNothing()
    {
        await using var bot = await StartAsync();

        var wrong = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SaveSettings,
            new { zone = "Mars/Olympus_Mons", days = "Funday", dayStart = "25:00", dayEnd = "16:00", lessons = "8am-10am" }));
        var backwards = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SaveSettings,
            new { zone = "America/New_York", days = "Mon", dayStart = "16:00", dayEnd = "07:30", lessons = "10:00-09:00" }));

        Assert.Equal(
            ["School hours and lessons", "input:zone", "Give an IANA time zone id, such as America/New_York.", "input:days", "Choose at least one school day.",
             "input:dayStart", "Give the start as HH:mm, such as 07:30.", "input:dayEnd", "input:lessons",
             "Give the lessons as HH:mm-HH:mm separated by commas (08:00-10:00,10:20-12:00), each ending after it starts.", "Container"],
            CardReading.BodyOutline(wrong));
        Assert.Equal("Mars/Olympus_Mons", Value(wrong, "zone"));
        Assert.Contains("Give the end as HH:mm after the start (24:00 for midnight).", CardReading.Said(backwards), StringComparison.Ordinal);
        using var home = Fixtures.InHomeTenant();
        var row = await bot.Services.GetRequiredService<ITableStore>().Table(CalendarStore.TableName).GetAsync("calendar", "school", CancellationToken.None);
        Assert.Null(row);
    }

    [Fact]
    public async Task ADepartmentGetsItsOwnHoursAndLessonsAndAnEmptyFormReturnsItToTheDistrict()
    {
        await using var bot = await StartAsync();

        var form = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SettingsForm, new { openDepartment = "MAT" }));
        var saved = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SaveSettings, new { department = "MAT", dayStart = "07:00", dayEnd = "13:00", lessons = "07:15-09:00,09:10-12:30" }));
        SchoolCalendar calendar;
        using (Fixtures.InHomeTenant())
        {
            calendar = await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None);
        }
        var unknown = await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SaveSettings, new { department = "NOPE", dayStart = "07:00", dayEnd = "13:00" });
        var cleared = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SaveSettings, new { department = "MAT", dayStart = "", dayEnd = "", lessons = "" }));

        Assert.Equal(["Hours and lessons of MAT", "Leave a field empty to follow the district.", "input:dayStart", "input:dayEnd", "input:lessons"], CardReading.BodyOutline(form));
        Assert.Contains("Saved: the hours and lessons of Mathematics.", CardReading.Said(saved), StringComparison.Ordinal);
        var mat = calendar.For("MAT");
        Assert.Equal((new SchoolHours(new(7, 0), new(13, 0)), "07:15-09:00,09:10-12:30"), (mat.Hours, CalendarSettingsForm.LessonsText(mat.Lessons)));
        Assert.Equal(new SchoolHours(new(7, 30), new(16, 0)), calendar.For("SCI").Hours);
        Assert.Equal("There is no department with that code in the directory.", TicketWorld.MessageOf(unknown));
        Assert.Contains("Saved: the hours and lessons of Mathematics.", CardReading.Said(cleared), StringComparison.Ordinal);
        using var home = Fixtures.InHomeTenant();
        Assert.Empty((await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None)).Departments);
    }

    [Fact]
    public async Task ShorterHoursSavedForADepartmentMoveItsOpenPromiseAndTellTheReporterWhy()
    {
        var (bot, _) = await CalendarWorld.StartAsync(InNewYork(2026, 12, 15, 10), Lessons);
        await using var _bot = bot;
        var (id, card) = await bot.ReportInNewYorkAsync(TicketWorld.Ana);

        await bot.ActAsync(TicketWorld.Eli, CalendarVerbs.SaveSettings, new { department = "SCI", dayStart = "07:30", dayEnd = "12:30", lessons = "" });

        Assert.Contains("Tue 15 Dec, 2:00 PM (Eastern time)", card.Replace("\\u202F", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var told = await bot.WaitForSentAsync(TicketWorld.Ana, id, "The school hours changed");
        Assert.Contains("The school hours changed, so the promise keeps the school time it had left: now by Wed 16 Dec, 9:00 AM (Eastern time).", CardReading.Said(SentCards.CardOf(told)).Replace('\u202F', ' '), StringComparison.Ordinal);
        using var home = Fixtures.InHomeTenant();
        Assert.Equal(InNewYork(2026, 12, 16, 9, 0), (await bot.Store().FindAsync(id, CancellationToken.None))!.DueAt);
    }

    [Fact]
    public async Task AMembersForgedSettingsActionsAreRefusedAndChangeNothing()
    {
        await using var bot = await StartAsync();
        var en = Texts.For("en");

        var answers = new List<JsonObject>
        {
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.SettingsForm),
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.SaveSettings, new { zone = "Europe/Madrid", days = "Sat,Sun", dayStart = "00:00", dayEnd = "24:00", lessons = "" }),
            await bot.ActAsync(TicketWorld.Ana, CalendarVerbs.SaveSettings, new { department = "SCI", dayStart = "07:00", dayEnd = "08:00" }),
        };

        Assert.All(answers, a => Assert.Equal(en["Calendar_Refused"], TicketWorld.MessageOf(a)));
        using var home = Fixtures.InHomeTenant();
        Assert.Null(await bot.Services.GetRequiredService<ITableStore>().Table(CalendarStore.TableName).GetAsync("calendar", "school", CancellationToken.None));
    }

    [Fact]
    public async Task TheSettingsCardsParseInEnglishAndSpanish()
    {
        var calendar = new SchoolCalendar(NewYork, [DayOfWeek.Monday], new SchoolHours(new(7, 30), new(16, 0)), [], [], []);
        var departments = new List<People.Department> { new("MAT", "Mathematics", null, null, 8, null) };
        var samples = new List<(string, JsonNode)>();
        foreach (var language in new[] { "en", "es" })
        {
            var texts = Texts.For(language);
            var errors = new Dictionary<string, string> { ["zone"] = "x", ["days"] = "x", ["dayStart"] = "x", ["dayEnd"] = "x", ["lessons"] = "x" };
            samples.Add(($"calendar.settings.{language}", CalendarSettingsCards.Form(CalendarSettingsCards.Current(calendar, [], null), errors, departments, texts).ToJsonNode()));
            samples.Add(($"calendar.department.{language}", CalendarSettingsCards.Form(CalendarSettingsCards.Current(calendar, [], "MAT"), errors, [], texts).ToJsonNode()));
        }

        await NoticeQuietStatusTests.AssertParsesAsync([.. samples]);
        Assert.Equal("Horario y clases", Texts.For("es").Calendar_Settings);
    }

    private static async Task<BotApplication> StartAsync()
    {
        var (bot, _) = await CalendarWorld.StartAsync(InNewYork(2026, 12, 15, 9), Lessons);
        return bot;
    }

    private static string? Value(JsonNode card, string id) =>
        Notices.NoticeFlow.Walk(card).FirstOrDefault(o => o["id"]?.GetValue<string>() == id)?["value"]?.GetValue<string>();
}
