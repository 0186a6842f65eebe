using System.Net;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Reports.ReportSignIn;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// The dashboard as a Teams personal tab, over HTTP: the tab's page, and its Teams single sign-on token traded for a
/// session. Every spoiled token is refused and sets nothing.
/// </summary>
public sealed class ReportTabTests
{
    [Fact]
    public async Task AnAdministratorsTeamsTokenOpensASessionWhoseCookieIsMadeForTheTeamsFrame()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);
        await bot.ReportAsync(Ana, "Projector dark", "1700000000941");

        var (status, setCookie) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Eli));

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.NotNull(setCookie);
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=none", attributes);
        Assert.Contains("partitioned", attributes);
        Assert.Contains("path=/reports", attributes);
        using var page = await GetAsync(bot, setCookie.Split(';')[0], "/reports/tickets");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("1", Tile(html, "Opened"));
    }

    [Fact]
    public async Task AMemberSignedInThroughTheTabIsShownTheRefusalPageAndALiaisonSeesOnlyTheirDepartment()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);

        var (memberStatus, memberCookie) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Ana));
        using var refused = await GetAsync(bot, memberCookie!.Split(';')[0], "/reports/tickets");
        var (_, liaisonCookie) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Ben));
        using var liaison = await GetAsync(bot, liaisonCookie!.Split(';')[0], "/reports/tickets");

        Assert.Equal(HttpStatusCode.NoContent, memberStatus);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("You cannot see these reports", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liaison.StatusCode);
        Assert.Contains("You see: SCI", WebUtility.HtmlDecode(await liaison.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    public static TheoryData<string> SpoiledTokens => new()
    {
        "expired an hour ago",
        "not valid for another hour",
        "meant for another app",
        "issued by another tenant's issuer",
        "of a tenant the bot does not serve",
        "signed by a key the issuer never published",
        "unsigned",
        "signed with a shared secret",
        "signed with RS384",
        "without the access_as_user scope",
        "without an object id",
        "without a tenant",
        "with its signature changed",
    };

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task ASpoiledTokenIsRefusedAndSetsNoCookie(string spoiled)
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);
        var claims = TabSignIn.Claims(Eli);
        var token = spoiled switch
        {
            "expired an hour ago" => entra.TokenFor(Eli, o => o with { NotBefore = DateTimeOffset.UtcNow.AddHours(-2), Expires = DateTimeOffset.UtcNow.AddHours(-1) }),
            "not valid for another hour" => entra.TokenFor(Eli, o => o with { NotBefore = DateTimeOffset.UtcNow.AddHours(1), Expires = DateTimeOffset.UtcNow.AddHours(2) }),
            "meant for another app" => entra.TokenFor(Eli, o => o with { Audience = "api://teamsengage.example.org/" + Guid.NewGuid() }),
            "issued by another tenant's issuer" => entra.TokenFor(Eli, o => o with { Issuer = entra.IssuerOf(Fixtures.OtherTenantId) }),
            "of a tenant the bot does not serve" => entra.TokenFor(Eli.InTenant(Fixtures.OtherTenantId)),
            "signed by a key the issuer never published" => entra.TokenFor(Eli, o => o with { SigningKey = entra.Issuer.UnpublishedKey }),
            "unsigned" => entra.TokenFor(Eli, o => o with { WithoutSignature = true }),
            "signed with a shared secret" => entra.TokenFor(Eli, o => o with { HmacSecret = "a secret anyone could guess, long enough for HS256" }),
            "signed with RS384" => entra.TokenFor(Eli, o => o with { Algorithm = "RS384" }),
            "without the access_as_user scope" => entra.TokenFor(Eli, claims: With(claims, "scp", "User.Read")),
            "without an object id" => entra.TokenFor(Eli, claims: Without(claims, "oid")),
            "without a tenant" => entra.TokenFor(Eli, claims: Without(claims, "tid")),
            "with its signature changed" => Flip(entra.TokenFor(Eli)),
            _ => throw new ArgumentOutOfRangeException(nameof(spoiled)),
        };

        var (status, setCookie) = await TradeAsync(bot, "Bearer " + token);
        var (good, _) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Eli));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(setCookie);
        Assert.Equal(HttpStatusCode.NoContent, good);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic ZWxpOnNlY3JldA==")]
    [InlineData("Bearer not-a-token")]
    public async Task ARequestWithoutABearerTokenIsRefusedAndSetsNoCookie(string? authorization)
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);

        var (status, setCookie) = await TradeAsync(bot, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(setCookie);
    }

    [Fact]
    public async Task BothTheVersionOneAndTheVersionTwoFormsOfATeamsTokenAreAccepted()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);

        var (legacy, _) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Eli, o => o with { Issuer = entra.LegacyIssuerOf(Fixtures.TenantId), Audience = TabSignIn.ApplicationIdUri }));
        var (current, _) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Eli));

        Assert.Equal(HttpStatusCode.NoContent, legacy);
        Assert.Equal(HttpStatusCode.NoContent, current);
    }

    [Fact]
    public async Task AKeyTheIssuerPublishesAfterTheFirstSignInIsFetchedWhenATokenNamesIt()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);
        var (first, _) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Eli));
        var rolled = entra.Issuer.PublishKey("msteams");

        var (second, _) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Eli, o => o with { SigningKey = rolled }));

        Assert.Equal(HttpStatusCode.NoContent, first);
        Assert.Equal(HttpStatusCode.NoContent, second);
    }

    [Fact]
    public async Task TheTabPageRunsOnlyTheAppsOwnScriptsTalksToTheAppAloneAndIsFramedByTeamsAlone()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);

        using var tab = await bot.Plain.GetAsync("/reports/tab?lang=en-us");
        using var other = await bot.Plain.GetAsync("/reports/tickets");
        var html = await tab.Content.ReadAsStringAsync();
        var policy = tab.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors https://teams.microsoft.com ", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", other.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(["/reports/assets/tab.js", "/reports/assets/teams-js.js"], System.Text.RegularExpressions.Regex.Matches(html, "<script src=\"([^\"]+)\"></script>").Select(m => m.Groups[1].Value));
        Assert.Contains("Signing you in with your Teams account", html, StringComparison.Ordinal);
        foreach (var script in new[] { "/reports/assets/tab.js", "/reports/assets/teams-js.js" })
        {
            using var response = await bot.Plain.GetAsync(script);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, script);
        }
    }

    [Fact]
    public async Task TheTabSpeaksTheLanguageTeamsGivesIt()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync(extra: entra.Settings);

        var html = WebUtility.HtmlDecode(await bot.Plain.GetStringAsync("/reports/tab?lang=es-es"));

        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("Iniciando sesión con tu cuenta de Teams", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAppRegistrationTheTabSaysItIsNotSetUpRunsNoScriptAndSignsNoOneIn()
    {
        await using var entra = await TabSignIn.StartAsync();
        await using var bot = await ReportWorld.StartAsync();

        var html = await bot.Plain.GetStringAsync("/reports/tab");
        var (status, setCookie) = await TradeAsync(bot, "Bearer " + entra.TokenFor(Eli));

        Assert.Contains("The Reports tab is not set up in this district yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(setCookie);
    }

    [Theory]
    [InlineData("TeamsEngage:Reports:Tab:ClientId", "reports-tab", "ClientId")]
    [InlineData("TeamsEngage:Reports:Tab:ApplicationIdUri", "https://teamsengage.example.org/" + TabSignIn.ClientId, "ApplicationIdUri")]
    [InlineData("TeamsEngage:Reports:Tab:MetadataUrl", "http://login.example.org/common/v2.0/.well-known/openid-configuration", "MetadataUrl")]
    [InlineData("TeamsEngage:Reports:Tab:Issuers:0", "https://login.microsoftonline.com/common/v2.0", "Issuers")]
    public async Task AWrongTabSettingStopsTheBotAtStartNamingTheSetting(string key, string value, string named)
    {
        await using var entra = await TabSignIn.StartAsync();
        var settings = new Dictionary<string, string?>(entra.Settings) { [key] = value };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ReportWorld.StartAsync(extra: settings));

        Assert.Contains("TeamsEngage:Reports:Tab:" + named, failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? SetCookie)> TradeAsync(BotApplication bot, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reports/tab/signin");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        using var response = await bot.Plain.SendAsync(request);
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.SingleOrDefault() : null;
        return (response.StatusCode, setCookie);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value) => new(claims) { [name] = value };

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string name)
    {
        var copy = new Dictionary<string, object>(claims);
        copy.Remove(name);
        return copy;
    }

    // Changes one character in the middle of the signature, so the token is well formed but no longer the issuer's.
    private static string Flip(string token)
    {
        var at = token.LastIndexOf('.') + 10;
        return token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];
    }
}
