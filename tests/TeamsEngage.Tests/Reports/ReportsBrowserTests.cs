using Microsoft.Playwright;
using TeamsEngage.Features.Reports;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Reports.ReportSignIn;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// The dashboard in Debian's Chromium (scripts/test.sh installs it): signing in through the card's link, every page with
/// the numbers the bot counted, refusals, Spanish, and no console error or request to another host. Each page's
/// screenshot is saved into docs/screenshots.
/// </summary>
public sealed class ReportsBrowserTests
{
    [Fact]
    public async Task AnAdministratorSignsInThroughTheLinkAndEveryPageShowsTheCountedNumbersWithNoErrorAndNoOtherHost()
    {
        await using var bot = await ReportWorld.StartAsync(loopback: true);
        var first = await bot.ReportAsync(Ana, "Projector dark", "1700000000931");
        await bot.ReportAsync(Ana, "Printer jams", "1700000000932");
        await bot.ReportAsync(Gus, "Wi-Fi drops", "1700000000933");
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = first });
        await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = first, resolution = "New lamp." });
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);

        await browser.Page.GotoAsync(browser.Local(LinkOf(await CardAsync(bot, Eli))));

        Assert.EndsWith("/reports/tickets", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal("3", await browser.TileAsync("Opened"));
        Assert.Equal("1", await browser.TileAsync("Resolved"));
        Assert.Equal("2", await browser.Page.Locator("#by-department tbody tr:has(th:text-is('SCI')) td").First.InnerTextAsync());
        Assert.Equal("Bar chart of By department: MAT 1; SCI 2.", await browser.Page.Locator("#by-department svg title").TextContentAsync());
        foreach (var name in ReportPageNames.All)
        {
            await browser.Page.GotoAsync(browser.Local($"/reports/{name}"));
            Assert.NotEqual(0, await browser.Page.Locator("main section li.tile, main section table").CountAsync());
            if (name != ReportPageNames.Surveys)
            {
                // This school sent no survey: the surveys page's screenshot is the one with a survey chosen, below.
                await browser.ScreenshotAsync(name);
            }
        }
        Assert.Equal("3", await browser.TileAsyncOn("overview", "Opened"));
        browser.AssertClean();
    }

    [Fact]
    public async Task AMemberAnExpiredLinkAndATamperedLinkEachGetAClearRefusalPage()
    {
        await using var bot = await ReportWorld.StartAsync(loopback: true);
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);
        var good = LinkOf(await CardAsync(bot, Eli));

        await browser.Page.GotoAsync(browser.Local(await SignedLinkAsync(bot, Eli, TimeSpan.FromMinutes(-1))));
        var expired = await browser.Page.Locator("h1").InnerTextAsync();
        await browser.Page.GotoAsync(browser.Local(new Uri(good.ToString().Replace("&sig=", "&sig=0", StringComparison.Ordinal))));
        var tampered = await browser.Page.Locator("h1").InnerTextAsync();
        await browser.Page.GotoAsync(browser.Local(await SignedLinkAsync(bot, Ana, TimeSpan.FromMinutes(5))));
        var member = await browser.Page.Locator("h1").InnerTextAsync();

        Assert.Equal("This link does not open the reports", expired);
        Assert.Equal("This link does not open the reports", tampered);
        Assert.Equal("You cannot see these reports", member);
        await browser.ScreenshotAsync("refused");
    }

    [Fact]
    public async Task ASpanishLiaisonReadsTheDashboardInSpanish()
    {
        await using var bot = await ReportWorld.StartAsync(loopback: true);
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);

        await browser.Page.GotoAsync(browser.Local(LinkOf(await CardAsync(bot, Fay.WithLocale("es-ES")))));

        Assert.Equal("es", await browser.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Informes", await browser.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("0", await browser.TileAsync("Abiertas"));
        Assert.Contains("Ves: ART", await browser.Page.Locator(".scope").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("tickets.es");
        browser.AssertClean();
    }

    [Fact]
    public async Task TheParticipationPageInTheBrowserShowsNoSmallGroup()
    {
        var science = Polls.PollHost.Voters("SCI", 6);
        var art = Polls.PollHost.Voters("ART", 2);
        await using var bot = await Polls.PollHost.StartAsync([.. science, .. art], loopback: true);
        var (pollId, _) = await Polls.PollHost.ComposeAndSendAsync(bot, new { question = "Which slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI,ART", closeDate = "2099-01-01" });
        await Testing.Waiting.Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, Reporting.PollCounters.Area), r => r.District[Reporting.PollCounters.Asked] == 8, "the 8 recipients counted");
        await Polls.PollHost.VoteAsync(bot, science[0].Persona, pollId, "0");
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);

        await browser.Page.GotoAsync(browser.Local(LinkOf(await CardAsync(bot, Polls.PollHost.Admin))));
        await browser.Page.GotoAsync(browser.Local("/reports/participation"));

        Assert.Equal("8", await browser.TileAsync("Asked"));
        Assert.Equal("1", await browser.TileAsync("Answered"));
        Assert.Equal(0, await browser.Page.Locator("#by-department tbody tr").CountAsync());
        Assert.DoesNotContain("ART", await browser.Page.Locator("main section").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("participation.suppressed");
        await browser.Page.GotoAsync(browser.Local("/reports/participation?dept=ART"));
        Assert.Equal("0", await browser.TileAsync("Asked"));
        browser.AssertClean();
    }
}

/// <summary>The surveys page in the browser: the list, a survey chosen from it, its charts, with no error and no other host.</summary>
public sealed class SurveyReportsBrowserTests
{
    [Fact]
    public async Task AnAdministratorOpensTheSurveysPageAndChoosesASurveyWithNoErrorAndNoOtherHost()
    {
        var voters = Polls.PollHost.Voters("SCI", 6);
        await using var bot = await ReportWorld.StartAskingAsync(voters, loopback: true);
        var surveyId = await Surveys.SurveyHost.SendAsync(bot, "choice | Which tool? | Teams; Email; Paper\nrating | How is it going? | Very badly; Badly; Okay; Well; Very well\ntext | Anything else?",
            audienceKind: "Departments", audienceValues: "SCI");
        await Testing.Waiting.Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, Reporting.SurveyCounters.Area), r => r.District[Reporting.SurveyCounters.Asked] == 6, "the survey's recipients counted");
        string[] tools = ["0", "0", "1", "0", "2", "1"];
        string[] ratings = ["4", "5", "3", "4", "2", "5"];
        string[] notes = ["More wifi in room 12", "wifi is slow", "training please", "wifi drops", "more training", "fine"];
        for (var i = 0; i < voters.Length; i++)
        {
            await Surveys.SurveyHost.AnswerAsync(bot, voters[i].Persona, surveyId, [tools[i], ratings[i], notes[i]]);
        }
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);

        await browser.Page.GotoAsync(browser.Local(LinkOf(await CardAsync(bot, Polls.PollHost.Admin))));
        await browser.Page.GotoAsync(browser.Local("/reports/surveys"));
        await browser.Page.Locator("#surveys tbody th a").First.ClickAsync();

        Assert.Contains($"survey={surveyId}", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal("6", await browser.TileAsync("Audience"));
        Assert.Equal("100%", await browser.TileAsync("Answer rate"));
        Assert.Equal("Bar chart of Question 1: answers: Teams 3; Email 2; Paper 1.", await browser.Page.Locator("#q1 svg title").TextContentAsync());
        Assert.Equal("3", await browser.Page.Locator("#q1 tbody tr:has(th:text-is('Teams')) td").First.InnerTextAsync());
        Assert.DoesNotContain("room 12", await browser.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("surveys");
        browser.AssertClean();
    }
}

/// <summary>Chromium with a fresh profile, watching every request and every console message of its page.</summary>
internal sealed class ReportBrowser : IAsyncDisposable
{
    private static readonly string[] Arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;
    private readonly Uri _base;
    private readonly List<string> _requests = [];
    private readonly List<string> _errors = [];

    private ReportBrowser(IPlaywright playwright, IBrowserContext context, IPage page, string profile, Uri baseAddress)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
        _base = baseAddress;
        Page = page;
        context.Request += (_, request) => { lock (_requests) { _requests.Add(request.Url); } };
        page.Console += (_, message) => { if (message.Type == "error") { lock (_errors) { _errors.Add(message.Text); } } };
        page.PageError += (_, error) => { lock (_errors) { _errors.Add(error); } };
    }

    public IPage Page { get; }

    public static async Task<ReportBrowser> StartAsync(Uri baseAddress)
    {
        var profile = System.IO.Directory.CreateTempSubdirectory("teamsengage-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new ReportBrowser(playwright, context, page, profile, baseAddress);
    }

    /// <summary>The link on the bot's loopback socket: the public address is the deployment's, the signature covers path and query.</summary>
    public string Local(Uri link) => new Uri(_base, link.PathAndQuery).ToString();

    public string Local(string path) => new Uri(_base, path).ToString();

    public Task<string> TileAsync(string label) =>
        Page.Locator($"li.tile[data-figure=\"{label}\"] .value").InnerTextAsync();

    public async Task<string> TileAsyncOn(string page, string label)
    {
        await Page.GotoAsync(Local($"/reports/{page}"));
        return await TileAsync(label);
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Root, "docs", "screenshots", $"reports-{name}.png"), FullPage = true });

    /// <summary>No console error, and every request went to the bot itself (or to a host the test itself answers).</summary>
    public void AssertClean(params string[] answeredByTheTest)
    {
        lock (_errors)
        {
            Assert.Empty(_errors);
        }
        AssertNoOtherHost(answeredByTheTest);
    }

    /// <summary>Every request went to the bot itself (or to a host the test itself answers).</summary>
    public void AssertNoOtherHost(params string[] answeredByTheTest)
    {
        lock (_requests)
        {
            Assert.NotEmpty(_requests);
            Assert.All(_requests, url => Assert.Contains(new Uri(url).Authority, answeredByTheTest.Append(_base.Authority)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _playwright.Dispose();
        System.IO.Directory.Delete(_profile, recursive: true);
    }
}
