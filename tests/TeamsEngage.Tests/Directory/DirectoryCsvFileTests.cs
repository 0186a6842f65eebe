using System.Text;
using TeamsEngage.Localization;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

/// <summary>
/// Ben administers the district; Ana (English) and Carmen (Spanish) are members. A CSV file sent to the bot in a
/// personal chat arrives as a download-info attachment whose link the connector stub serves over http on 127.0.0.1
/// (allowed for loopback in tests only). The kind of file is told by its header line.
/// </summary>
public sealed class DirectoryCsvFileTests
{
    private static readonly Dictionary<string, string?> LoopbackFiles = new() { ["TeamsEngage:Files:AllowLoopbackHttp"] = "true" };

    [Fact]
    public async Task AnAdministratorsDepartmentsThenPeopleFilesAreImportedWithTheSameReportAsPastedTextAndDepartmentsMayBeNamed()
    {
        await using var bot = await DirectorySeeding.StartAsync(administrators: [Persona.Ben], installed: [Persona.Ben], settings: LoopbackFiles);
        var departments = bot.Connector.ServeFile("files/departments.csv", Encoding.UTF8.GetBytes(
            "\uFEFFdepartment,code,liaison,backup,responseHours\r\nScience,SCI,,,24\r\nMathematics,MAT,,,48\r\n"));
        var people = bot.Connector.ServeFile("files/staff.csv", Encoding.UTF8.GetBytes(
            "email,department,role,language\nana@school.example,science,member,en\ncarmen@school.example,MAT,member,es\nnot-an-email,SCI,member,en\n"));

        await ChatFiles.SendAsync(bot, Persona.Ben, "departments.csv", departments);
        await ChatFiles.SendAsync(bot, Persona.Ben, "staff.csv", people);

        var cards = bot.SentTo(Persona.Ben).Where(a => a.Attachments is { Count: > 0 }).Select(SentCards.CardOf).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("2 rows applied, 0 already up to date, 0 refused.", CardReading.Said(cards[0]), StringComparison.Ordinal);
        Assert.Contains("2 rows applied, 0 already up to date, 1 refused.", CardReading.Said(cards[1]), StringComparison.Ordinal);
        Assert.Contains("Line 4: “not-an-email” is not an email address.", CardReading.Said(cards[1]), StringComparison.Ordinal);
        foreach (var card in cards)
        {
            var report = await AdaptiveCardsParser.ValidateAsync("directory.file-import", card);
            Assert.True(report.IsValid, report.ToString());
        }
        Assert.Equal(2, bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File).Count);
        using var home = Fixtures.InHomeTenant();
        var directory = DirectoryFlowTests.Directory(bot);
        Assert.Equal(["MAT", "SCI"], (await directory.ListDepartmentsAsync()).Select(d => d.Code));
        Assert.Equal("SCI", (await directory.ListPeopleAsync().SingleAsync(p => p.Email == "ana@school.example")).DepartmentCode);
        Assert.Equal("MAT", (await directory.ListPeopleAsync().SingleAsync(p => p.Email == "carmen@school.example")).DepartmentCode);
    }

    [Fact]
    public async Task AMembersFileIsRefusedInTheirLanguageAndNeverDownloaded()
    {
        await using var bot = await DirectorySeeding.StartAsync(administrators: [Persona.Ben], installed: [Persona.Ben, Persona.Ana, Persona.Carmen], settings: LoopbackFiles);
        var link = bot.Connector.ServeFile("files/departments.csv", Encoding.UTF8.GetBytes("department,code,liaison,backup,responseHours\nScience,SCI,,,24\n"));

        await ChatFiles.SendAsync(bot, Persona.Ana, "departments.csv", link);
        await ChatFiles.SendAsync(bot, Persona.Carmen, "departments.csv", link);

        Assert.Equal(Texts.For("en").Directory_File_Refused, bot.SentTo(Persona.Ana)[^1].Text);
        Assert.Equal("Solo los administradores pueden importar un archivo del directorio. No se abrió tu archivo.", bot.SentTo(Persona.Carmen)[^1].Text);
        Assert.Empty(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File));
        using var home = Fixtures.InHomeTenant();
        Assert.Empty(await DirectoryFlowTests.Directory(bot).ListDepartmentsAsync());
    }

    [Fact]
    public async Task AFileWithAnUnknownHeaderATooLargeFileAndAPlainHttpLinkImportNothingAndSayWhy()
    {
        var settings = new Dictionary<string, string?>(LoopbackFiles) { ["TeamsEngage:Files:MaxBytes"] = "2048" };
        await using var bot = await DirectorySeeding.StartAsync(administrators: [Persona.Ben], installed: [Persona.Ben], settings: settings);
        var headless = bot.Connector.ServeFile("files/list.csv", Encoding.UTF8.GetBytes("Science,SCI,,,24\n"));
        var large = bot.Connector.ServeFile("files/big.csv", Encoding.UTF8.GetBytes("department,code,liaison,backup,responseHours\n" + string.Concat(Enumerable.Repeat("Science,SCI,,,24\n", 200))));

        await ChatFiles.SendAsync(bot, Persona.Ben, "list.csv", headless);
        await ChatFiles.SendAsync(bot, Persona.Ben, "big.csv", large);
        await ChatFiles.SendAsync(bot, Persona.Ben, "departments.csv", new Uri("http://files.example.org/departments.csv"));

        var said = bot.SentTo(Persona.Ben).TakeLast(3).Select(a => a.Text).ToList();
        Assert.StartsWith("I could not tell what this CSV file holds. Its first line must be the header of a departments file (department,code,", said[0], StringComparison.Ordinal);
        Assert.Equal("That CSV file is too large to import in the chat (the limit is 2 KB). Nothing was imported; split it, or use the start-up file.", said[1]);
        Assert.Equal("I only download files from secure (https) links. Nothing was imported.", said[2]);
        Assert.Equal(2, bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File).Count);
        using var home = Fixtures.InHomeTenant();
        Assert.Empty(await DirectoryFlowTests.Directory(bot).ListDepartmentsAsync());
    }
}
