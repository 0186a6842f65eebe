using TeamsEngage.Bot;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.People;
using TeamsEngage.Tests.Support;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Directory;

public sealed class StartupImportTests
{
    private static readonly string AnaEmail = DirectorySeeding.EmailOf(Persona.Ana);
    private static readonly string CarmenEmail = DirectorySeeding.EmailOf(Persona.Carmen);

    [Fact]
    public async Task ConfiguredFilesAreImportedAtStartUp()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"department,code,liaison,backup,responseHours\nScience,SCI,{AnaEmail},,24\nMathematics,math,,,48",
            people: $"email,department,role,language\n{CarmenEmail},SCI,member,es");
        using var home = Fixtures.InHomeTenant();
        var directory = bot.Services.GetRequiredService<IPeopleDirectory>();

        var departments = await directory.ListDepartmentsAsync();
        Assert.Equal(["MATH", "SCI"], departments.Select(d => d.Code));
        var science = Assert.Single(departments, d => d.Code == "SCI");
        Assert.Equal(("Science", 24, "email:" + AnaEmail), (science.Name, science.ResponseHours, science.LiaisonKey));
        var carmen = await directory.FindByEmailAsync(CarmenEmail.ToUpperInvariant());
        Assert.NotNull(carmen);
        Assert.Equal(("SCI", "es", Role.Member, false), (carmen.DepartmentCode, carmen.Language, carmen.Role, carmen.Installed));
        var ana = await directory.FindAsync("email:" + AnaEmail);
        Assert.Equal(Role.Liaison, ana?.Role);
    }

    [Fact]
    public async Task APeopleFileMayNameADepartmentByItsNameInAnyCaseOrByItsCode()
    {
        var bea = DirectorySeeding.EmailOf(Persona.Create("Bea Bellows", "bea-bellows"));
        await using var bot = await DirectorySeeding.StartAsync(
            departments: "Science,SCI,,,24\nMathematics,MATH,,,48\nSocial Studies,SOC,,,48",
            people: $"{CarmenEmail},science,member,es\n{AnaEmail}, Social studies ,liaison,\n{bea},math,member,");
        using var home = Fixtures.InHomeTenant();
        var directory = bot.Services.GetRequiredService<IPeopleDirectory>();

        Assert.Equal("SCI", (await directory.FindByEmailAsync(CarmenEmail))?.DepartmentCode);
        Assert.Equal("SOC", (await directory.FindByEmailAsync(AnaEmail))?.DepartmentCode);
        Assert.Equal("MATH", (await directory.FindByEmailAsync(bea))?.DepartmentCode);
    }

    [Fact]
    public async Task AStartUpImportLogsEachRefusedLineAsASentenceWithoutTheAddressOnIt()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: "Science,SCI,,,24",
            people: $"email,department,role,language\n{CarmenEmail},Drama,member,es\n{AnaEmail},SCI,wizard,");
        using var home = Fixtures.InHomeTenant();

        var refused = bot.Logs.GetSnapshot().Where(r => r.Message.Contains("was refused", StringComparison.Ordinal)).Select(r => r.Message).ToList();

        Assert.Equal(
            ["People CSV line 2 was refused: There is no department with the code or name Drama.", "People CSV line 3 was refused: " + TeamsEngage.Localization.Texts.English.Format(TeamsEngage.Localization.TextKeys.Directory_Import_BadRole, "wizard")],
            refused);
        Assert.All(bot.Logs.GetSnapshot(), r => Assert.DoesNotContain(CarmenEmail, r.Message, StringComparison.OrdinalIgnoreCase));
        Assert.Null(await bot.Services.GetRequiredService<IPeopleDirectory>().FindByEmailAsync(CarmenEmail));
    }

    [Fact]
    public async Task AnImportedPersonWhoInstallsIsMergedIntoTheirObjectIdRow()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"Science,SCI,{AnaEmail},,24",
            people: $"{CarmenEmail},SCI,member,es",
            installed: [Persona.Ana, Persona.Carmen]);
        using var home = Fixtures.InHomeTenant();
        var directory = bot.Services.GetRequiredService<IPeopleDirectory>();

        var carmen = await directory.FindByEmailAsync(CarmenEmail);
        Assert.NotNull(carmen);
        Assert.Equal(DirectorySeeding.KeyOf(Persona.Carmen), carmen.Key);
        Assert.Equal((Persona.Carmen.UserId, "SCI", "es", true), (carmen.UserId, carmen.DepartmentCode, carmen.Language, carmen.Installed));
        Assert.Equal(carmen, await directory.FindByUserIdAsync(Persona.Carmen.UserId));
        Assert.Null(await directory.FindAsync("email:" + CarmenEmail));
        var science = await directory.FindDepartmentAsync("sci");
        Assert.Equal(DirectorySeeding.KeyOf(Persona.Ana), science?.LiaisonKey);
        var ana = await directory.FindAsync(science!.LiaisonKey!);
        Assert.Equal((Role.Liaison, true), (ana!.Role, ana.Installed));
        Assert.Equal(2, await directory.ListPeopleAsync().CountAsync());
    }

    [Fact]
    public async Task ImportingTheSameFilesAgainAtTheNextStartChangesNothing()
    {
        using var data = new TemporaryDirectory();
        var settings = DirectorySeeding.Settings(departments: $"Science,SCI,{AnaEmail},,24", people: $"{CarmenEmail},SCI,member,es");
        settings["Storage:DataDirectory"] = data.Path;
        int changes;
        await using (var first = await BotApplication.StartAsync(settings))
        using (Fixtures.InHomeTenant())
        {
            changes = (await first.Services.GetRequiredService<DirectoryAudit>().ListAsync(default)).Count;
        }

        await using var second = await BotApplication.StartAsync(settings);
        using var home = Fixtures.InHomeTenant();

        var audit = await second.Services.GetRequiredService<DirectoryAudit>().ListAsync(default);
        Assert.True(changes >= 3, $"expected the first start to record its imports, got {changes}");
        Assert.Equal(changes, audit.Count);
        Assert.All(audit, c => Assert.Equal("startup-import", c.Actor));
    }

    [Fact]
    public async Task AConfiguredAdministratorIsListedWithTheDirectorysAdministrators()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            people: $"{AnaEmail},,administrator,en",
            administrators: [Persona.Ben],
            installed: [Persona.Ben]);
        using var home = Fixtures.InHomeTenant();

        var admins = await bot.Services.GetRequiredService<IPeopleDirectory>().ListAdministratorsAsync();

        Assert.Equal(
            new[] { DirectorySeeding.KeyOf(Persona.Ben), "email:" + AnaEmail }.Order(StringComparer.Ordinal),
            admins.Select(a => a.Key));
        Assert.All(admins, a => Assert.Equal(Role.Administrator, a.Role));
    }
}
