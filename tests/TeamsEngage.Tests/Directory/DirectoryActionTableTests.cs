using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.People;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

/// <summary>What the directory's table checks once for every button: the data's shape, the role, and that the department exists.</summary>
public sealed class DirectoryActionTableTests
{
    private const string Departments = "Science,SCI,,,24\nMathematics,MATH,,,48";

    [Theory]
    [InlineData("departments.list", "{}")]
    [InlineData("departments.add", "{}")]
    [InlineData("departments.edit", "{\"code\":\"SCI\"}")]
    public async Task ATeacherPressingAnAdministratorButtonIsRefused(string verb, string data)
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, installed: [Persona.Ana]);

        var answer = await bot.ExecuteAsync(Persona.Ana, verb, System.Text.Json.JsonDocument.Parse(data).RootElement);

        Assert.Equal("Only administrators can do that. Nothing was changed.", answer["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task DataOfTheWrongShapeGetsTheNotFoundSentenceAndChangesNothing()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, administrators: [Persona.Ben], installed: [Persona.Ana, Persona.Ben]);
        using var home = Fixtures.InHomeTenant();

        var remove = await bot.ExecuteAsync(Persona.Ben, "departments.remove", new { code = new[] { "SCI" } });
        var profile = await bot.ExecuteAsync(Persona.Ana, "profile.save", new { department = new { code = "SCI" }, language = "en" });

        Assert.Equal("That department does not exist any more.", remove["value"]!.GetValue<string>());
        Assert.Equal("That department does not exist any more. Please choose again.", profile["value"]!.GetValue<string>());
        Assert.NotNull(await Directory(bot).FindDepartmentAsync("SCI"));
        Assert.Null((await Directory(bot).FindAsync(DirectorySeeding.KeyOf(Persona.Ana)))?.DepartmentCode);
    }

    [Fact]
    public async Task EditingOrRemovingADepartmentThatIsGoneSaysSo()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, administrators: [Persona.Ben], installed: [Persona.Ben]);
        using var home = Fixtures.InHomeTenant();

        var edit = await bot.ExecuteAsync(Persona.Ben, "departments.edit", new { code = "ART" });
        var remove = await bot.ExecuteAsync(Persona.Ben, "departments.remove", new { code = "ART" });
        var save = await bot.ExecuteAsync(Persona.Ben, "departments.save", new { originalCode = "ART", name = "Art", responseHours = "24" });

        Assert.All(new[] { edit, remove, save }, r => Assert.Equal("That department does not exist any more.", r["value"]!.GetValue<string>()));
        Assert.Null(await Directory(bot).FindDepartmentAsync("ART"));
    }

    [Fact]
    public async Task AProfileSaveNamingSomeoneElseChangesOnlyTheCallersOwnRow()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, installed: [Persona.Ana, Persona.Carmen]);
        using var home = Fixtures.InHomeTenant();

        await bot.ExecuteAsync(Persona.Carmen, "profile.save", new { department = "MATH", language = "es", personKey = DirectorySeeding.KeyOf(Persona.Ana) });

        Assert.Null((await Directory(bot).FindAsync(DirectorySeeding.KeyOf(Persona.Ana)))?.DepartmentCode);
        Assert.Equal("MATH", (await Directory(bot).FindAsync(DirectorySeeding.KeyOf(Persona.Carmen)))?.DepartmentCode);
    }

    [Fact]
    public async Task TheAddButtonOpensAnEmptyFormAndBackReturnsToTheList()
    {
        await using var bot = await DirectorySeeding.StartAsync(departments: Departments, administrators: [Persona.Ben], installed: [Persona.Ben]);

        var form = await bot.ExecuteAsync(Persona.Ben, "departments.add");
        var list = await bot.ExecuteAsync(Persona.Ben, "departments.list");

        Assert.Equal("", DirectoryFlowTests.Input(form["value"]!, "code")["value"]?.GetValue<string>() ?? "");
        Assert.Contains("Mathematics", list["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static IPeopleDirectory Directory(BotApplication bot) => bot.Services.GetRequiredService<IPeopleDirectory>();
}
