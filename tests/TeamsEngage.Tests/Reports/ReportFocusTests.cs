using System.Net;
using TeamsEngage.Features.Notices;
using TeamsEngage.Reporting;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;
using static TeamsEngage.Tests.Reports.ReportSignIn;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// One notice or all on the notices page, one service or all on the tickets page: a row of the district's breakdown
/// leads to its own numbers, and a notice's acknowledgements read over time since delivery.
/// </summary>
public sealed class ReportFocusTests
{
    [Fact]
    public async Task ANoticeChosenFromTheListShowsItsOwnReachAndHowManyAcknowledgedWithinAnHourADayAndAWeek()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var science = await SendAsync(bot, Form(audience: "Departments", departments: "SCI"));
        await UntilSettledAsync(bot, science);
        var everyone = await SendAsync(bot, Form(audience: "Everyone"));
        await UntilSettledAsync(bot, everyone);
        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = science }));
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, NoticeCounters.Area), r => r.Of("notice", science)[NoticeCounters.Acknowledged] == 1, "Ben's acknowledgement counted");
        var cookie = await SignInAsync(bot, Persona.Ana);

        var all = await (await GetAsync(bot, cookie, "/reports/notices")).Content.ReadAsStringAsync();
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(all, $"<th scope=\"row\"><a href=\"([^\"]+)\">{science}</a></th>").Groups[1].Value);
        using var chosen = await GetAsync(bot, cookie, link);
        var page = await chosen.Content.ReadAsStringAsync();
        var csv = await (await GetAsync(bot, cookie, link.Replace("/reports/notices?", "/reports/notices/over-time.csv?", StringComparison.Ordinal))).Content.ReadAsStringAsync();

        Assert.Contains("notice=" + science, link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Contains("Notices · " + science, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("2", Tile(page, "Delivered"));
        Assert.Equal("1", Tile(page, "Acknowledged"));
        Assert.Equal([["Within an hour", "1", "50%"], ["Within a day", "1", "50%"], ["Within three days", "1", "50%"], ["Within a week", "1", "50%"]], Rows(page, "over-time"));
        Assert.DoesNotContain("id=\"by-department\"", page, StringComparison.Ordinal);
        Assert.Contains("\r\nWithin a day,1,50%\r\n", csv, StringComparison.Ordinal);
        Assert.NotEqual("2", Tile(all, "Delivered"));
    }

    [Fact]
    public async Task TheDepartmentTableSaysWhatShareAcknowledgedWithinADayAndAWeek()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendAsync(bot, Form(audience: "Departments", departments: "SCI"));
        await UntilSettledAsync(bot, id);
        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, NoticeCounters.Area), r => r.Of("dept", "SCI")[NoticeCounters.Acknowledged] == 1, "Ben's acknowledgement counted");
        var cookie = await SignInAsync(bot, Persona.Ana);

        var page = await (await GetAsync(bot, cookie, "/reports/notices")).Content.ReadAsStringAsync();

        var science = Rows(page, "by-department").Single(r => r[0] == "SCI");
        Assert.Equal(["50%", "50%"], science[^2..]);
    }

    [Fact]
    public async Task ALiaisonsAddressNamingANoticeShowsNoDistrictNumbersOfThatNotice()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendAsync(bot, Form(audience: "Everyone"));
        await UntilSettledAsync(bot, id);
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, NoticeCounters.Area), r => r.Of("notice", id)[NoticeCounters.Delivered] == 4, "the deliveries counted");
        var cookie = await SignInAsync(bot, Dan);

        var page = await (await GetAsync(bot, cookie, "/reports/notices?notice=" + id)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Notices · " + id, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"by-notice\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"over-time\"", page, StringComparison.Ordinal);
        Assert.Equal("0", Tile(page, "Delivered"));
    }

    [Fact]
    public async Task AServiceChosenFromTheTicketsPageShowsItsOwnNumbersAndTheMenuLeadsBackToAll()
    {
        await using var bot = await ReportWorld.StartAsync();
        await Tickets.TicketWorld.ReportAsync(bot, Tickets.TicketWorld.Ana, "Projector dark", "1700000000961");
        await Tickets.TicketWorld.ReportAsync(bot, Tickets.TicketWorld.Gus, "Printer jams", "1700000000962");
        var cookie = await SignInAsync(bot, Tickets.TicketWorld.Eli);

        var all = await (await GetAsync(bot, cookie, "/reports/tickets")).Content.ReadAsStringAsync();
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(all, "<th scope=\"row\"><a href=\"([^\"]+)\">No service named</a></th>").Groups[1].Value);
        var page = await (await GetAsync(bot, cookie, link)).Content.ReadAsStringAsync();

        Assert.Contains("service=-", link, StringComparison.Ordinal);
        Assert.Contains("Tickets · No service named", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("2", Tile(page, "Opened"));
        Assert.DoesNotContain("id=\"by-department\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"service\" value=\"-\"", page, StringComparison.Ordinal);
        Assert.Matches("href=\"/reports/tickets\\?from=[0-9-]+&amp;to=[0-9-]+\"", page);
    }
}
