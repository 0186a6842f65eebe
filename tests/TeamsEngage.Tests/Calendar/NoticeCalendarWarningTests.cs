using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Calendar;
using TeamsEngage.Features.Notices;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// The school of the notice tests with Carmen (Spanish) as a second administrator, and the default calendar (New York,
/// Monday to Friday, 07:30–16:00) with state testing from Tuesday 4 to Thursday 6 March 2031.
/// </summary>
public sealed class NoticeCalendarWarningTests
{
    private static readonly CalendarWindow StateTesting = new("st", WindowKind.Testing, "State testing", InNewYork(2031, 3, 4, 8), InNewYork(2031, 3, 6, 16));

    [Fact]
    public async Task ADeploymentDuringStateTestingIsWarnedAndNeedsAReasonWhichItsAuthorSeesInNotices()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();

        var (preview, id) = await NoticeFlow.PreviewAsync(bot, NoticeFlow.Form());
        var refused = await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id });
        var sent = await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id, calendarReason = "The security patch cannot wait" });
        await bot.SayAsync(Persona.Ana, "notices");

        Assert.Contains("Heads up: this window overlaps State testing (testing window).", CardReading.Said(preview), StringComparison.Ordinal);
        Assert.Contains("input:calendarReason", string.Join('|', Inputs(preview)), StringComparison.Ordinal);
        Assert.Equal("This window overlaps State testing (testing window): give a reason on the preview to send it anyway.", NoticeFlow.MessageOf(refused));
        Assert.StartsWith("Sent:", CardReading.Texts(NoticeFlow.CardOf(sent))[0], StringComparison.Ordinal);
        Assert.Contains("Reason to go ahead despite the school calendar: The security patch cannot wait", CardReading.Said(SentCards.CardOf(bot.SentTo(Persona.Ana)[^1])), StringComparison.Ordinal);
        // 18:00–20:00 in Chicago is 19:00–21:00 in New York: after school, and the recipients' card says so.
        var delivered = await bot.WaitForSentAsync(Persona.Ben, "Gradebook upgrade");
        Assert.Contains("Outside school time: no classes are affected.", CardReading.Said(SentCards.CardOf(delivered)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpanishAuthorIsWarnedOfAWeekendInSpanishAndCannotScheduleWithoutAReason()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var form = NoticeFlow.Form();
        form["startDate"] = "2031-03-08";
        form["endDate"] = "2031-03-09";

        var preview = NoticeFlow.CardOf(await bot.ExecuteAsync(Persona.Carmen, NoticeVerbs.Preview, form));
        var id = NoticeFlow.Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send)["data"]!["noticeId"]!.GetValue<string>();
        var refused = await bot.ExecuteAsync(Persona.Carmen, NoticeVerbs.Schedule, new { noticeId = id, sendDate = "2031-03-07", sendTime = "09:00" });
        var scheduled = await bot.ExecuteAsync(Persona.Carmen, NoticeVerbs.Schedule, new { noticeId = id, sendDate = "2031-03-07", sendTime = "09:00", calendarReason = "El sábado no hay nadie conectado" });

        Assert.Contains("Atención: esta ventana coincide con sáb 8 mar (sin clase), dom 9 mar (sin clase).", CardReading.Said(preview), StringComparison.Ordinal);
        Assert.Contains("Fuera del horario escolar: no afecta a ninguna clase.", CardReading.Said(preview), StringComparison.Ordinal);
        Assert.Equal("Esta ventana coincide con sáb 8 mar (sin clase), dom 9 mar (sin clase): indica un motivo en la vista previa para enviarlo de todos modos.", NoticeFlow.MessageOf(refused));
        var stored = await bot.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
        Assert.Equal((NoticeState.Scheduled, "El sábado no hay nadie conectado"), (stored!.State, stored.CalendarReason));
        Assert.DoesNotContain("Esta ventana", CardReading.Said(NoticeFlow.CardOf(scheduled)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWindowInSchoolHoursOnASchoolDayIsNeitherWarnedNorMarkedOutsideSchoolTime()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var form = NoticeFlow.Form();
        form["startDate"] = form["endDate"] = "2031-03-11";
        form["startTime"] = "09:00";
        form["endTime"] = "10:00";

        var (preview, _) = await NoticeFlow.PreviewAsync(bot, form);

        Assert.DoesNotContain("input:calendarReason", string.Join('|', Inputs(preview)), StringComparison.Ordinal);
        Assert.DoesNotContain("Outside school time", CardReading.Said(preview), StringComparison.Ordinal);
    }

    private static async Task<BotApplication> StartAsync()
    {
        var bot = await DirectorySeeding.StartAsync(
            departments: "Science,SCI,,,24\nMathematics,MATH,,,24",
            people: string.Join('\n',
                $"{DirectorySeeding.EmailOf(Persona.Ben)},SCI,member,en",
                $"{DirectorySeeding.EmailOf(Persona.Carmen)},MATH,member,es"),
            administrators: [Persona.Ana, Persona.Carmen],
            installed: [Persona.Ana, Persona.Ben, Persona.Carmen]);
        await bot.ChangeCalendarAsync(c => c with { Windows = [StateTesting] }, DateTimeOffset.UtcNow);
        return bot;
    }

    private static IEnumerable<string> Inputs(System.Text.Json.Nodes.JsonNode card) =>
        card.ToJsonString().Split("\"id\":\"").Skip(1).Select(s => "input:" + s[..s.IndexOf('"', StringComparison.Ordinal)]);
}
