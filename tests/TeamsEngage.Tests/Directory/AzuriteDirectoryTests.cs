using TeamsEngage.Bot;
using TeamsEngage.People;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

public sealed class AzuriteDirectoryTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task TheDirectoryLivesInAzureTablesAndSurvivesARestart()
    {
        var storage = new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString };
        await using (var bot = await DirectorySeeding.StartAsync(
            departments: "Science,SCI,,,24",
            people: $"{DirectorySeeding.EmailOf(Persona.Carmen)},SCI,member,es",
            administrators: [Persona.Ben],
            installed: [Persona.Ana, Persona.Ben, Persona.Carmen],
            settings: storage))
        {
            await bot.ExecuteAsync(Persona.Ana, "profile.save", new { department = "SCI", language = "en" });
            await bot.ExecuteAsync(Persona.Ben, "departments.save", new { originalCode = "SCI", name = "Science", responseHours = "6", liaison = DirectorySeeding.KeyOf(Persona.Ana) });
        }

        await using var restarted = await BotApplication.StartAsync(storage);
        using var home = Fixtures.InHomeTenant();

        var directory = DirectoryFlowTests.Directory(restarted);
        var carmen = await directory.FindByEmailAsync(DirectorySeeding.EmailOf(Persona.Carmen));
        Assert.Equal((DirectorySeeding.KeyOf(Persona.Carmen), "SCI", true), (carmen?.Key, carmen?.DepartmentCode, carmen?.Installed));
        Assert.Equal((DirectorySeeding.KeyOf(Persona.Ana), 6), ((await directory.FindDepartmentAsync("SCI"))?.LiaisonKey, (await directory.FindDepartmentAsync("SCI"))?.ResponseHours));
        Assert.Equal(Role.Liaison, (await directory.FindByUserIdAsync(Persona.Ana.UserId))?.Role);
        Assert.Contains(await DirectoryFlowTests.Audit(restarted), c => c.Action == "department.changed" && c.Actor == DirectorySeeding.KeyOf(Persona.Ben));
    }
}
