using System.Net;
using TeamsEngage.Features.Reports;
using TeamsEngage.Features.Tickets;
using TeamsEngage.People;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Reports.ReportSignIn;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Reports;

/// <summary>The dashboard over HTTP: who may sign in, with what, and that the numbers shown are the ones the bot counted.</summary>
public sealed class ReportsWebTests
{
    [Fact]
    public async Task AnAdministratorSignsInThroughTheCardLinkAndSeesTheTicketsTheBotCounted()
    {
        await using var bot = await ReportWorld.StartAsync();
        var first = await bot.ReportAsync(Ana, "Projector dark", "1700000000901");
        await bot.ReportAsync(Ana, "Printer jams", "1700000000902");
        await bot.ReportAsync(Gus, "Wi-Fi drops", "1700000000903");
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = first });
        await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = first, resolution = "New lamp." });

        var card = await CardAsync(bot, Eli);
        var (response, setCookie) = await OpenAsync(bot, LinkOf(card));
        var page = await (await GetAsync(bot, setCookie!.Split(';')[0], "/reports/tickets")).Content.ReadAsStringAsync();

        Assert.Equal("/reports/tickets", response.Headers.Location?.OriginalString);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("3", CardReading.Said(card), StringComparison.Ordinal);
        Assert.Equal("3", Tile(page, "Opened"));
        Assert.Equal("1", Tile(page, "Resolved"));
        Assert.Equal("100%", Tile(page, "Promises kept"));
        var departments = Rows(page, "by-department");
        Assert.Equal(["SCI", "2", "1"], departments.Single(r => r[0] == "SCI")[..3]);
        Assert.Equal(["MAT", "1", "0"], departments.Single(r => r[0] == "MAT")[..3]);
    }

    [Fact]
    public async Task AMemberIsRefusedBothTheCommandAndTheDashboard()
    {
        await using var bot = await ReportWorld.StartAsync();
        bot.Connector.ClearRequests();

        await bot.SayAsync(Ana, "reports");
        var (signIn, cookie) = await OpenAsync(bot, await SignedLinkAsync(bot, Ana, TimeSpan.FromMinutes(5)));
        var page = await GetAsync(bot, cookie!.Split(';')[0], "/reports/tickets");

        Assert.DoesNotContain(bot.SentTo(Ana), a => a.Attachments is { Count: > 0 });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("You cannot see these reports", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredOrTamperedLinkIsRefusedWithAClearPageAndSetsNoCookie()
    {
        await using var bot = await ReportWorld.StartAsync();
        var expired = await SignedLinkAsync(bot, Eli, TimeSpan.FromMinutes(-1));
        var good = LinkOf(await CardAsync(bot, Eli));
        var tampered = new Uri(good.ToString().Replace(Uri.EscapeDataString(Eli.UserId), Uri.EscapeDataString(Ana.UserId), StringComparison.Ordinal));

        foreach (var link in new[] { expired, tampered })
        {
            var (response, cookie) = await OpenAsync(bot, link);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Null(cookie);
            Assert.Contains("This link does not open the reports", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var forged = await GetAsync(bot, ReportSessions.CookieName + "=" + "dGVuYW50PXgmdXNlcj15JmV4cD05OTk5OTk5OTk5JnNpZz0w", "/reports/tickets");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task ALiaisonSeesHerDepartmentsOnlyAndInHerLanguage()
    {
        await using var bot = await ReportWorld.StartAsync();
        await bot.ReportAsync(Ana, "Projector dark", "1700000000911");
        var cookie = await SignInAsync(bot, Fay.WithLocale("es-ES"));

        var page = await (await GetAsync(bot, cookie, "/reports/tickets")).Content.ReadAsStringAsync();
        var science = await (await GetAsync(bot, cookie, "/reports/tickets?dept=SCI")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"es\">", page, StringComparison.Ordinal);
        Assert.Equal("0", Tile(page, "Abiertas"));
        Assert.DoesNotContain(Rows(page, "by-department"), r => r[0] == "SCI");
        Assert.DoesNotContain("id=\"by-service\"", page, StringComparison.Ordinal);
        Assert.Equal("0", Tile(science, "Abiertas"));
    }

    [Fact]
    public async Task EveryPageAnswersWithAStrictPolicyThatOnlyTeamsMayFrame()
    {
        await using var bot = await ReportWorld.StartAsync();
        var cookie = await SignInAsync(bot, Eli);

        foreach (var name in ReportPageNames.All)
        {
            var response = await GetAsync(bot, cookie, "/reports/" + name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors https://teams.microsoft.com", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("http", (await response.Content.ReadAsStringAsync()).Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
        var style = await GetAsync(bot, cookie, "/reports/assets/reports.css");
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EveryTableDownloadsAsCsvWithTheSameNumbersAndNoFormula()
    {
        await using var bot = await ReportWorld.StartAsync();
        await bot.ReportAsync(Ana, "Projector dark", "1700000000921");
        var cookie = await SignInAsync(bot, Eli);

        var csv = await (await GetAsync(bot, cookie, "/reports/tickets/by-department.csv")).Content.ReadAsStringAsync();

        Assert.Contains("\r\nSCI,1,0,", csv, StringComparison.Ordinal);
        Assert.Equal("'=HYPERLINK(\"x\")".Replace("\"", "\"\"", StringComparison.Ordinal), ReportCsv.Cell("=HYPERLINK(\"x\")")[1..^1]);
        Assert.Equal("'-12%", ReportCsv.Cell("-12%"));
        Assert.Equal("' +1", ReportCsv.Cell(" +1"));
    }

    [Fact]
    public async Task ASignInLinkLifetimeOverAnHourStopsTheBotAtStartUpNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:Reports:LinkLifetime"] = "02:00:00" }));

        Assert.Contains("TeamsEngage:Reports:LinkLifetime must be between one minute and one hour.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiaisonWhoseRoleIsRemovedIsRefusedAtTheNextPage()
    {
        await using var bot = await ReportWorld.StartAsync();
        var cookie = await SignInAsync(bot, Fay.WithLocale("es-ES"));
        var before = await GetAsync(bot, cookie, "/reports/tickets");

        using (Fixtures.InHomeTenant())
        {
            await bot.Services.GetRequiredService<PeopleEditor>().ImportPersonAsync(DirectorySeeding.EmailOf(Fay), "ART", TeamsEngage.Bot.Role.Member, "es", "import", CancellationToken.None);
        }
        var after = await GetAsync(bot, cookie, "/reports/tickets");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }
}
