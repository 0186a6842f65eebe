using System.Text.Json;
using Microsoft.Playwright;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// The dashboard's personal tab in Debian's Chromium, inside a stand-in for Teams: a page the test serves as
/// https://teams.microsoft.com that frames the tab and answers the Teams JavaScript client library the way Teams does,
/// handing it a token from the local issuer. The tab runs the real library, signs in and shows the dashboard.
/// </summary>
public sealed class ReportTabBrowserTests
{
    private const string TeamsHost = "teams.microsoft.com";

    [Fact]
    public async Task AnAdministratorOpensTheReportsTabInTeamsAndIsSignedInToTheDashboardWithNoErrorAndNoOtherHost()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(loopback: true, extra: entra.Settings);
        await bot.ReportAsync(Ana, "Projector dark", "1700000000951");
        await bot.ReportAsync(Gus, "Printer jams", "1700000000952");
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);

        var tab = await OpenInTeamsAsync(browser, "en-us", entra.TokenFor(Eli));

        Assert.EndsWith("/reports/tickets", tab.Url, StringComparison.Ordinal);
        Assert.Equal("2", await tab.Locator("li.tile[data-figure=\"Opened\"] .value").InnerTextAsync());
        Assert.Equal(1, await browser.Page.EvaluateAsync<int>("() => window.tokensAsked"));
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Testing.RepositoryPaths.Root, "docs", "screenshots", "reports-tab.png") });
        browser.AssertClean(TeamsHost);
    }

    [Fact]
    public async Task ASpanishMemberOpeningTheTabIsSignedInAndToldInSpanishThatReportsAreNotForThem()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(loopback: true, extra: entra.Settings);
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);

        var tab = await OpenInTeamsAsync(browser, "es-es", entra.TokenFor(Carmen));

        Assert.Equal("No puedes ver estos informes", await tab.Locator("h1").InnerTextAsync());
        Assert.Equal("es", await tab.Locator("html").GetAttributeAsync("lang"));
        browser.AssertNoOtherHost(TeamsHost);
    }

    [Fact]
    public async Task ATokenTheServerRefusesLeavesTheTabSayingSoAndSignedOut()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(loopback: true, extra: entra.Settings);
        await using var browser = await ReportBrowser.StartAsync(bot.BaseAddress!);
        var foreign = entra.TokenFor(Eli, o => o with { SigningKey = entra.Issuer.UnpublishedKey });

        await ServeTeamsAsync(browser, "en-us", foreign);
        var tab = browser.Page.FrameLocator("#tab");

        await Assertions.Expect(tab.Locator("[data-state=refused]")).ToBeVisibleAsync();
        Assert.Contains("Teams could not sign you in", await tab.Locator("[data-state=refused]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await tab.Locator("[data-state=signing]").IsVisibleAsync());
        var cookies = await browser.Page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == Features.Reports.ReportSessions.CookieName);
        browser.AssertNoOtherHost(TeamsHost);
    }

    /// <summary>Opens Teams with the tab, waits until the tab has left its sign-in page, and returns the tab's frame.</summary>
    private static async Task<IFrame> OpenInTeamsAsync(ReportBrowser browser, string locale, string token)
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        browser.Page.Console += (_, m) => seen.Enqueue(m.Type + ": " + m.Text);
        browser.Page.RequestFailed += (_, r) => seen.Enqueue("failed: " + r.Url + " " + r.Failure);
        await ServeTeamsAsync(browser, locale, token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (browser.Page.Frames.FirstOrDefault(f => f.Url.Contains("/reports/", StringComparison.Ordinal) && !f.Url.Contains("/reports/tab", StringComparison.Ordinal)) is { } frame)
            {
                // The page's heading, not the frame's load event: a frame caught mid-navigation may never report one.
                try
                {
                    await frame.Locator("h1").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
                    return frame;
                }
                catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
                {
                    // Navigated away or replaced meanwhile: look for the frame again.
                    seen.Enqueue("no heading at " + frame.Url + ": " + ex.Message);
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The tab never left its sign-in page: " + string.Join(" | ", browser.Page.Frames.Select(f => f.Url)) + " :: " + string.Join("\n", seen));
    }

    // The stand-in for Teams: it frames the tab's address (with the {locale} Teams fills in) and answers the library's
    // "initialize" and "authentication.getAuthToken" messages, counting the tokens asked for.
    private static async Task ServeTeamsAsync(ReportBrowser browser, string locale, string token)
    {
        var tabAddress = browser.Local($"/reports/tab?lang={locale}");
        var page = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams</title></head>
            <body style="margin:0;font-family:sans-serif;background:#ebebeb">
            <script>
              const token = {{JsonSerializer.Serialize(token)}};
              window.tokensAsked = 0;
              window.addEventListener("message", (event) => {
                const message = event.data;
                if (!message || typeof message.func !== "string") return;
                const reply = (args) => event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
                if (message.func === "initialize") reply(["content", "web", JSON.stringify({ apiVersion: 4, supports: {} }), "2.58.0"]);
                if (message.func === "authentication.getAuthToken") { window.tokensAsked++; reply([true, token]); }
              });
            </script>
            <div style="height:48px;background:#464775;color:#fff;padding:12px 20px;box-sizing:border-box">Microsoft Teams · TeamsEngage · Reports</div>
            <iframe id="tab" src="{{tabAddress}}" style="width:1200px;height:852px;border:0;background:#fff"></iframe>
            </body></html>
            """;
        // The real tab lives on the bot's public host; here it is on loopback, which a public page may frame only with leave.
        await browser.Page.Context.GrantPermissionsAsync(["local-network-access"], new BrowserContextGrantPermissionsOptions { Origin = $"https://{TeamsHost}" });
        await browser.Page.Context.RouteAsync($"https://{TeamsHost}/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = page }));
        await browser.Page.GotoAsync($"https://{TeamsHost}/v2/");
    }
}
