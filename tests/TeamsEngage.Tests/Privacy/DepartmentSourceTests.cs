using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Directory;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Privacy.PrivacyWorld;

namespace TeamsEngage.Tests.Privacy;

public sealed class DepartmentSourceTests
{
    [Fact]
    public async Task ADepartmentTheDirectorySetIsShownReadOnlyAndAForgedSaveCannotChangeIt()
    {
        var (bot, _) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();

        await bot.SayAsync(Dan, "profile");
        var forged = await bot.ExecuteAsync(Dan, DirectoryVerbs.ProfileSave, new { department = "MAT", language = "en" });

        var card = SentCards.CardOf(bot.SentTo(Dan)[^1]).ToJsonString();
        Assert.Contains("as the school directory says", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":\"department\"", card, StringComparison.Ordinal);
        Assert.Equal(Texts.For("en")["Directory_Profile_LockedRefused"], NoticeFlow.MessageOf(forged));
        var dan = await FindAsync(bot, Dan);
        Assert.Equal(("SCI", DepartmentSource.Directory), (dan!.DepartmentCode, dan.DepartmentSource));
    }

    [Fact]
    public async Task SomeoneWithADirectoryDepartmentCanStillChangeTheirLanguage()
    {
        var (bot, _) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();

        var saved = await bot.ExecuteAsync(Dan, DirectoryVerbs.ProfileSave, new { department = "SCI", language = "es" });

        NoticeFlow.CardOf(saved);
        var dan = await FindAsync(bot, Dan);
        Assert.Equal(("SCI", "es", DepartmentSource.Directory), (dan!.DepartmentCode, dan.Language, dan.DepartmentSource));
    }

    [Fact]
    public async Task AChosenDepartmentIsMarkedSelfReportedAndAnAdministratorCanConfirmOrCorrectIt()
    {
        var (bot, _) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        var gusKey = DirectorySeeding.KeyOf(Gus);

        await bot.ExecuteAsync(Gus, DirectoryVerbs.ProfileSave, new { department = "MAT", language = "en" });
        Assert.Equal(DepartmentSource.SelfReported, (await FindAsync(bot, Gus))!.DepartmentSource);
        await bot.SayAsync(Ana, "departments");
        var list = SentCards.CardOf(bot.SentTo(Ana)[^1]).ToJsonString();
        var memberPress = await bot.ExecuteAsync(Gus, DirectoryVerbs.DepartmentConfirm, new { personKey = gusKey, department = "MAT" });
        var confirmed = await bot.ExecuteAsync(Ana, DirectoryVerbs.DepartmentConfirm, new { personKey = gusKey, department = "SCI" });
        var afterwards = await bot.ExecuteAsync(Gus, DirectoryVerbs.ProfileSave, new { department = "MAT", language = "en" });

        Assert.Contains("MAT (self-reported)", list, StringComparison.Ordinal);
        Assert.Contains(gusKey, list, StringComparison.Ordinal);
        Assert.Equal(Texts.For("en")["Directory_Refused"], NoticeFlow.MessageOf(memberPress));
        Assert.Contains("is now in SCI", NoticeFlow.CardOf(confirmed).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Texts.For("en")["Directory_Profile_LockedRefused"], NoticeFlow.MessageOf(afterwards));
        var gus = await FindAsync(bot, Gus);
        Assert.Equal(("SCI", DepartmentSource.Directory), (gus!.DepartmentCode, gus.DepartmentSource));
    }

    private static Task<Person?> FindAsync(BotApplication bot, Persona persona) =>
        bot.Services.GetRequiredService<IPeopleDirectory>().FindAsync(DirectorySeeding.KeyOf(persona));
}
