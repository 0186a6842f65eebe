using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.People;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

public sealed class ImportAndRestartTests
{
    [Fact]
    public async Task AnImportReportsBadRowsByLineAndAppliesOnlyTheGoodOnes()
    {
        await using var bot = await DirectorySeeding.StartAsync(administrators: [Persona.Ben], installed: [Persona.Ben]);
        using var home = Fixtures.InHomeTenant();
        var csv = "department,code,liaison,backup,responseHours\n"
            + "Science,SCI,dana@school.example,,24\n"
            + "Art,A R T,,,24\n"
            + "\"Music, Band\",MUS,,,many\n"
            + "History,HIS,,,48\n"
            + "Science again,sci,,,24";

        var report = await bot.ExecuteAsync(Persona.Ben, "directory.import", new { kind = "departments", csv });

        var text = Text(report);
        Assert.Contains("2 rows applied, 0 already up to date, 3 refused.", text, StringComparison.Ordinal);
        Assert.Contains("Line 3: “A R T” is not a valid code", text, StringComparison.Ordinal);
        Assert.Contains("Line 4: “many” is not a number of hours", text, StringComparison.Ordinal);
        Assert.Contains("Line 6: The code sci already appears earlier", text, StringComparison.Ordinal);
        Assert.Contains("Line 2: dana@school.example has not installed the bot yet", text, StringComparison.Ordinal);
        var codes = (await DirectoryFlowTests.Directory(bot).ListDepartmentsAsync()).Select(d => d.Code);
        Assert.Equal(["HIS", "SCI"], codes);
        Assert.Equal("Science", (await DirectoryFlowTests.Directory(bot).FindDepartmentAsync("SCI"))?.Name);

        var again = await bot.ExecuteAsync(Persona.Ben, "directory.import", new { kind = "departments", csv });
        Assert.Contains("0 rows applied, 2 already up to date, 3 refused.", Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeopleRowsNamingAnUnknownDepartmentOrRoleAreRefusedWhole()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: "Science,SCI,,,24", administrators: [Persona.Ben], installed: [Persona.Ben]);
        using var home = Fixtures.InHomeTenant();
        var csv = "email,department,role,language\nana@school.example,SCI,member,es\ncarmen@school.example,ART,member,es\ndana@school.example,SCI,boss,en\nnot-an-email,SCI,member,en";

        var report = await bot.ExecuteAsync(Persona.Ben, "directory.import", new { kind = "people", csv });

        var text = Text(report);
        Assert.Contains("Line 3: There is no department with the code or name ART.", text, StringComparison.Ordinal);
        Assert.Contains("Line 4: “boss” is not a role", text, StringComparison.Ordinal);
        Assert.Contains("Line 5: “not-an-email” is not an email address.", text, StringComparison.Ordinal);
        var people = await DirectoryFlowTests.Directory(bot).ListPeopleAsync().Select(p => p.Email).ToListAsync();
        Assert.Equal(["ana@school.example", DirectorySeeding.EmailOf(Persona.Ben)], people.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RestartingTheBotLosesNothing()
    {
        using var data = new TemporaryDirectory();
        var store = new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path };
        await using (var bot = await DirectorySeeding.StartAsync(departments: "Science,SCI,,,24", administrators: [Persona.Ben], installed: [Persona.Ana, Persona.Ben, Persona.Carmen], settings: store))
        {
            await bot.ExecuteAsync(Persona.Carmen, "profile.save", new { department = "SCI", language = "es" });
            await bot.ExecuteAsync(Persona.Ben, "departments.save", new { originalCode = "SCI", name = "Science", responseHours = "8", liaison = DirectorySeeding.KeyOf(Persona.Ana) });
        }

        var settings = new Dictionary<string, string?>(store) { ["TeamsEngage:Administrators:0"] = Persona.Ben.AadObjectId };
        await using var restarted = await BotApplication.StartAsync(settings);
        using var home = Fixtures.InHomeTenant();

        var directory = DirectoryFlowTests.Directory(restarted);
        var carmen = await directory.FindByUserIdAsync(Persona.Carmen.UserId);
        Assert.Equal(("SCI", "es"), (carmen?.DepartmentCode, carmen?.Language));
        var science = await directory.FindDepartmentAsync("SCI");
        Assert.Equal((DirectorySeeding.KeyOf(Persona.Ana), 8), (science?.LiaisonKey, science?.ResponseHours));
        await restarted.SayAsync(Persona.Ana, "queue");
        Assert.DoesNotContain("IT team", restarted.SentTo(Persona.Ana)[^1].Text ?? string.Empty, StringComparison.Ordinal);
        await restarted.SayAsync(Persona.Carmen.WithLocale("en-US"), "profile");
        Assert.Equal("Tu perfil", SentCards.TitleOf(restarted.SentTo(Persona.Carmen)[^1]));
    }

    private static string Text(System.Text.Json.Nodes.JsonObject response) =>
        response["value"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task EveryDirectoryCardParsesWithoutErrors()
    {
        var reports = await AdaptiveCardsParser.ValidateAsync(DirectoryCardSamples.Samples().Select(s => (s.Name, (System.Text.Json.Nodes.JsonNode)s.Card.ToJsonNode())));

        Assert.Equal(32, reports.Count);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }
}
