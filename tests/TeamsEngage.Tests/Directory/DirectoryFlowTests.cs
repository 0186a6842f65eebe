using TeamsEngage.Bot;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.People;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

public sealed class DirectoryFlowTests
{
    private static readonly string Departments = "department,code,liaison,backup,responseHours\nScience,SCI,,,24\nMathematics,MATH,,,48";

    [Fact]
    public async Task ANewcomerIsAskedForTheirDepartmentAndTheirAnswerIsStored()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments);
        using var home = Fixtures.InHomeTenant();

        await bot.InstallAsync(Persona.Carmen);
        var welcome = SentCards.CardOf(Assert.Single(bot.SentTo(Persona.Carmen)));
        var choices = Input(welcome, "department")["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>());
        Assert.Equal(["MATH", "SCI"], choices);

        var saved = await bot.ExecuteAsync(Persona.Carmen, "profile.save", new { department = "SCI", language = "es" });

        Assert.Contains("Tu perfil", saved["value"]!.ToJsonString(), StringComparison.Ordinal);
        var carmen = await Directory(bot).FindAsync(DirectorySeeding.KeyOf(Persona.Carmen));
        Assert.Equal(("SCI", "es", DirectorySeeding.EmailOf(Persona.Carmen)), (carmen?.DepartmentCode, carmen?.Language, carmen?.Email));
        await bot.SayAsync(Persona.Carmen, "perfil");
        var profile = SentCards.CardOf(bot.SentTo(Persona.Carmen)[^1]);
        Assert.Equal("SCI", Input(profile, "department")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task SomeoneTheDirectoryAlreadyKnowsIsNotAskedAgain()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, people: $"{DirectorySeeding.EmailOf(Persona.Carmen)},SCI,member,es");

        await bot.InstallAsync(Persona.Carmen);

        var welcome = SentCards.CardOf(Assert.Single(bot.SentTo(Persona.Carmen)));
        Assert.DoesNotContain("\"department\"", welcome.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Bienvenido a TeamsEngage", SentCards.TitleOf(welcome));
    }

    [Fact]
    public async Task ASavedProfileWithAnUnknownDepartmentIsRefused()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, installed: [Persona.Ana]);
        using var home = Fixtures.InHomeTenant();

        var answer = await bot.ExecuteAsync(Persona.Ana, "profile.save", new { department = "ART", language = "en" });

        Assert.Contains("does not exist", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await Directory(bot).FindAsync(DirectorySeeding.KeyOf(Persona.Ana)))?.DepartmentCode);
    }

    [Fact]
    public async Task AnAdministratorAssignsALiaisonChosenAmongPeopleWhoInstalledTheBot()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, administrators: [Persona.Ben], installed: [Persona.Ana, Persona.Ben]);
        using var home = Fixtures.InHomeTenant();

        await bot.SayAsync(Persona.Ben, "departments");
        Assert.Contains("Science", SentCards.AllText(SentCards.CardOf(Assert.Single(bot.SentTo(Persona.Ben)))), StringComparison.Ordinal);
        var form = await bot.ExecuteAsync(Persona.Ben, "departments.edit", new { code = "SCI" });
        var liaisons = Input(form["value"]!, "liaison")["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>());
        Assert.Contains(DirectorySeeding.KeyOf(Persona.Ana), liaisons);
        var list = await bot.ExecuteAsync(Persona.Ben, "departments.save", new
        {
            originalCode = "SCI", name = "Science", responseHours = "12", liaison = DirectorySeeding.KeyOf(Persona.Ana), backup = "", channel = "",
        });

        Assert.Contains("Saved SCI.", list["value"]!.ToJsonString(), StringComparison.Ordinal);
        var science = await Directory(bot).FindDepartmentAsync("SCI");
        Assert.Equal((DirectorySeeding.KeyOf(Persona.Ana), 12), (science?.LiaisonKey, science?.ResponseHours));
        Assert.Equal(Role.Liaison, (await Directory(bot).FindAsync(DirectorySeeding.KeyOf(Persona.Ana)))?.Role);
        var change = Assert.Single(await Audit(bot), c => c.Action == "department.changed");
        Assert.Equal((DirectorySeeding.KeyOf(Persona.Ben), "SCI"), (change.Actor, change.Subject));
    }

    [Fact]
    public async Task SomeoneWhoHasNotInstalledTheBotCannotBeAssignedAndIsShownAsUnreachable()
    {
        var dana = "dana@" + DirectorySeeding.Domain;
        await using var bot = await DirectorySeeding.StartAsync(departments: $"Science,SCI,{dana},,24", people: $"{DirectorySeeding.EmailOf(Persona.Carmen)},SCI,member,en", administrators: [Persona.Ben], installed: [Persona.Ben]);
        using var home = Fixtures.InHomeTenant();

        await bot.SayAsync(Persona.Ben, "departments");
        var refused = await bot.ExecuteAsync(Persona.Ben, "departments.save", new
        {
            originalCode = "SCI", name = "Science", responseHours = "24", liaison = "email:" + dana, backup = "email:" + DirectorySeeding.EmailOf(Persona.Carmen),
        });

        Assert.Contains("dana@school.example (has not installed the bot yet: cannot be reached)", SentCards.AllText(SentCards.CardOf(Assert.Single(bot.SentTo(Persona.Ben)))), StringComparison.Ordinal);
        Assert.Contains("installed the bot", refused["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await Directory(bot).FindDepartmentAsync("SCI"))?.BackupKey);
    }

    [Theory]
    [InlineData("departments")]
    [InlineData("import")]
    public async Task ATeacherWhoTriesAnAdministratorCommandIsRefused(string command)
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, administrators: [Persona.Ben], installed: [Persona.Carmen.WithLocale("en-US")]);

        await bot.SayAsync(Persona.Carmen.WithLocale("en-US"), command);

        var reply = Assert.Single(bot.SentTo(Persona.Carmen));
        Assert.Equal("That command is for the IT team. Type **help** to see what you can do.", reply.Text);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task ForgedAdministratorButtonsFromATeacherAreRefusedAndChangeNothing()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, installed: [Persona.Ana]);
        using var home = Fixtures.InHomeTenant();
        var before = (await Audit(bot)).Count;

        var save = await bot.ExecuteAsync(Persona.Ana, "departments.save", new { originalCode = "SCI", name = "Hacked", responseHours = "1", liaison = DirectorySeeding.KeyOf(Persona.Ana) });
        var remove = await bot.ExecuteAsync(Persona.Ana, "departments.remove", new { code = "MATH" });
        var import = await bot.ExecuteAsync(Persona.Ana, "directory.import", new { kind = "people", csv = $"{DirectorySeeding.EmailOf(Persona.Ana)},SCI,administrator,en" });

        Assert.All(new[] { save, remove, import }, r => Assert.Equal("Only administrators can do that. Nothing was changed.", r["value"]!.GetValue<string>()));
        Assert.Equal("Science", (await Directory(bot).FindDepartmentAsync("SCI"))?.Name);
        Assert.NotNull(await Directory(bot).FindDepartmentAsync("MATH"));
        Assert.Equal(Role.Member, (await Directory(bot).FindAsync(DirectorySeeding.KeyOf(Persona.Ana)))?.Role);
        Assert.Equal(before, (await Audit(bot)).Count);
    }

    [Fact]
    public async Task AnAdministratorAddsAndRemovesADepartment()
    {
        await using var bot = await DirectorySeeding.StartAsync(administrators: [Persona.Ben], installed: [Persona.Ben]);
        using var home = Fixtures.InHomeTenant();

        await bot.ExecuteAsync(Persona.Ben, "departments.save", new { code = "art", name = "Art", responseHours = "72" });
        var taken = await bot.ExecuteAsync(Persona.Ben, "departments.save", new { code = "ART", name = "Art again", responseHours = "72" });
        Assert.Contains("already a department with the code ART", taken["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(("Art", 72), ((await Directory(bot).FindDepartmentAsync("ART"))?.Name, (await Directory(bot).FindDepartmentAsync("ART"))?.ResponseHours));

        var removed = await bot.ExecuteAsync(Persona.Ben, "departments.remove", new { code = "ART" });

        Assert.Contains("Removed ART.", removed["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await Directory(bot).ListDepartmentsAsync());
    }

    internal static IPeopleDirectory Directory(BotApplication bot) => bot.Services.GetRequiredService<IPeopleDirectory>();

    internal static Task<IReadOnlyList<DirectoryChange>> Audit(BotApplication bot) => bot.Services.GetRequiredService<DirectoryAudit>().ListAsync(default);

    internal static JsonNode Input(JsonNode card, string id) =>
        Descendants(card).Single(n => n is JsonObject o && o["id"]?.GetValue<string>() == id && o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true)!;

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
