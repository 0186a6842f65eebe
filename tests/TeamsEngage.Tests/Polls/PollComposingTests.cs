using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Polls;

public sealed class PollComposingTests
{
    private static readonly Persona Admin = Persona.Create("Ines Admin", "ines-admin");

    private static Dictionary<string, string?> AdminSettings() => new() { ["TeamsEngage:Administrators:0"] = Admin.AadObjectId };

    [Fact]
    public async Task TheQuickFormShowsAPreviewToTheAuthorAndSendsNothingElse()
    {
        await using var bot = await BotApplication.StartAsync(AdminSettings());

        await bot.SayAsync(Admin, "poll \"Which training time works best?\" \"Monday 3pm\" \"Wednesday 3pm\"");

        var preview = SentCards.CardOf(Assert.Single(bot.Connector.SentActivities));
        Assert.Equal(Admin.ConversationId, Assert.Single(bot.Connector.SentActivities).Conversation?.Id);
        var text = SentCards.AllText(preview);
        Assert.Contains("Preview", text, StringComparison.Ordinal);
        Assert.Contains("Which training time works best?", text, StringComparison.Ordinal);
        Assert.Contains("Wednesday 3pm", text, StringComparison.Ordinal);
        Assert.Equal(PollVerbs.Send, preview["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("poll Which time? Monday Tuesday", "double quotes")]
    [InlineData("poll \"Which time?\" \"Monday\"", "2 to 10 options")]
    [InlineData("poll \"Which time?\" \"Monday\" \"Tuesday", "not closed")]
    public async Task BadQuickFormSyntaxGetsAClearErrorWithAnExample(string text, string expected)
    {
        await using var bot = await BotApplication.StartAsync(AdminSettings());

        await bot.SayAsync(Admin, text);

        var reply = Assert.Single(bot.SentTo(Admin));
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("poll \"Which training time works best?\"", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollWithoutArgumentsOpensTheComposer()
    {
        await using var bot = await BotApplication.StartAsync(AdminSettings());

        await bot.SayAsync(Admin, "poll");

        var card = SentCards.CardOf(Assert.Single(bot.SentTo(Admin)));
        Assert.Equal("New poll", SentCards.TitleOf(card));
        Assert.Equal(PollVerbs.Preview, card["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task AComposerWithOneOptionComesBackWithTheProblemNamed()
    {
        await using var bot = await BotApplication.StartAsync(AdminSettings());

        var response = await bot.ExecuteAsync(Admin, PollVerbs.Preview, new { question = "Lunch?", options = "Pizza", closeDate = "2099-01-01", closeTime = "12:00" });

        var text = response["value"]!.ToJsonString();
        Assert.Contains("2 to 10 options", text, StringComparison.Ordinal);
        Assert.Contains("Pizza", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberCannotCreateAPollEvenByForgingThePreviewButton()
    {
        await using var bot = await BotApplication.StartAsync();

        await bot.SayAsync(Persona.Ana, "poll \"Q?\" \"A\" \"B\"");
        var forged = await bot.ExecuteAsync(Persona.Ana, PollVerbs.Preview, new { question = "Q?", options = "A\nB", closeDate = "2099-01-01" });

        Assert.Contains("IT team", Assert.Single(bot.SentTo(Persona.Ana)).Text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", forged["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExportLinkWithABadSignatureOrPastItsExpiryIsRefused()
    {
        await using var bot = await BotApplication.StartAsync(AdminSettings());
        using var home = Fixtures.InHomeTenant();
        var links = bot.Services.GetRequiredService<PollLinks>();
        var good = await links.ExportLinkAsync("0123456789abcdef0123456789abcdef", CancellationToken.None);
        var query = System.Web.HttpUtility.ParseQueryString(good.Query);

        var tenant = query["tenant"];
        using var forged = await bot.Http.GetAsync($"{good.AbsolutePath}?tenant={tenant}&exp={query["exp"]}&sig={new string('0', 64)}");
        using var stretched = await bot.Http.GetAsync($"{good.AbsolutePath}?tenant={tenant}&exp={long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600}&sig={query["sig"]}");
        using var expired = await bot.Http.GetAsync($"{good.AbsolutePath}?tenant={tenant}&exp=1000&sig={query["sig"]}");
        using var otherTenant = await bot.Http.GetAsync($"{good.AbsolutePath}?tenant={Fixtures.OtherTenantId}&exp={query["exp"]}&sig={query["sig"]}");

        Assert.Equal(Fixtures.TenantId, tenant);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stretched.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }
}
