using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Catalogue;
using TeamsEngage.People;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Services;

public sealed class ServiceEditTests
{
    private static readonly object WifiForm = new
    {
        serviceId = "wifi",
        name = "Wi-Fi",
        description = "The wireless network",
        audience = "Everyone on site",
        help = "Report it here",
        highHours = "3",
        normalHours = "",
        lowHours = "",
        links = "",
    };

    [Fact]
    public async Task TheOwnerDepartmentsLiaisonEditsTheirServiceAndTheChangeIsAudited()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        var card = CardOf(await bot.ActAsync(Ben, "services.show", new { serviceId = "wifi" }));
        Assert.Contains("Edit", CardReading.ActionTitles(card));
        var form = CardOf(await bot.ActAsync(Ben, "services.edit", new { serviceId = "wifi" }));
        Assert.DoesNotContain("input:owner", CardReading.BodyOutline(form));

        var saved = CardOf(await bot.ActAsync(Ben, "services.save", WifiForm));

        Assert.Contains("Saved Wi-Fi.", CardReading.Said(saved), StringComparison.Ordinal);
        var wifi = await bot.Catalogue().FindAsync("wifi", CancellationToken.None);
        Assert.Equal((3, "Everyone on site", "SCI"), (wifi!.Promise.HighHours, wifi.Audience, wifi.OwnerDepartment));
        Assert.NotEmpty(wifi.Faqs);
        var audit = await bot.Services.GetRequiredService<DirectoryAudit>().ListAsync(CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "service.edit" && e.Subject == "wifi" && e.Actor == DirectorySeeding.KeyOf(Ben));
    }

    [Fact]
    public async Task AMemberAnotherDepartmentsLiaisonAndForgedDataCannotChangeAService()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        var memberCard = CardOf(await bot.ActAsync(Ana, "services.show", new { serviceId = "wifi" }));
        Assert.DoesNotContain("Edit", CardReading.ActionTitles(memberCard));
        Assert.Equal("Only administrators and the liaison of the service's department can do that.", MessageOf(await bot.ActAsync(Ana, "services.save", WifiForm)));
        Assert.Equal("Only administrators and the liaison of the service's department can do that.", MessageOf(await bot.ActAsync(Fay, "services.edit", new { serviceId = "wifi" })));
        Assert.Equal("Only administrators and the liaison of the service's department can do that.", MessageOf(await bot.ActAsync(Fay, "services.save", WifiForm)));
        Assert.Equal("Only administrators and the liaison of the service's department can do that.", MessageOf(await bot.ActAsync(Fay, "services.setstatus", new { serviceId = "wifi", condition = "Outage", message = "Down" })));
        Assert.Equal("Solo los administradores y el enlace del departamento del servicio pueden hacerlo.", MessageOf(await bot.ActAsync(Carmen, "services.setstatus", new { serviceId = "wifi", condition = "Outage", message = "Caído" })));
        // A liaison cannot add a service, nor move theirs to another department with a forged owner.
        Assert.Equal("Only administrators and the liaison of the service's department can do that.", MessageOf(await bot.ActAsync(Ben, "services.save", new { id = "newthing", name = "New" })));
        await bot.ActAsync(Ben, "services.save", new { serviceId = "wifi", name = "Wi-Fi", owner = "ART" });

        var wifi = await bot.Catalogue().FindAsync("wifi", CancellationToken.None);
        Assert.Equal(("SCI", ServiceCondition.Operational), (wifi!.OwnerDepartment, wifi.Status.Condition));
        Assert.Null(await bot.Catalogue().FindAsync("newthing", CancellationToken.None));
    }

    [Fact]
    public async Task AnAdministratorAddsAServiceAndABadFormComesBackNamingTheProblem()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        var bad = CardOf(await bot.ActAsync(Eli, "services.save", new { id = "library", name = "Library", highHours = "9999" }));
        var good = CardOf(await bot.ActAsync(Eli, "services.save", new { id = "library", name = "Library", description = "Books and databases", owner = "mat", links = "Catalogue|https://library.school.example" }));
        var taken = CardOf(await bot.ActAsync(Eli, "services.save", new { id = "library", name = "Another" }));

        Assert.Contains("not a whole number of hours from 1 to 720", CardReading.Said(bad), StringComparison.Ordinal);
        Assert.Contains("Saved Library.", CardReading.Said(good), StringComparison.Ordinal);
        Assert.Contains("a service with the id library exists already", CardReading.Said(taken), StringComparison.Ordinal);
        var library = await bot.Catalogue().FindAsync("library", CancellationToken.None);
        Assert.Equal(("Library", "MAT", "https://library.school.example/"), (library!.Name, library.OwnerDepartment, library.Links[0].Url));
    }

    [Fact]
    public async Task TheImportCommandImportsServicesAndFaqReportingBadLinesAndChangingNothingTheSecondTime()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var services = "id,name,description,audience,help,owner,highHours,normalHours,lowHours,links\n"
            + "library,Library,Books,Everyone,,MAT,4,,,\n"
            + "Bad Id,Oops,,,,,,,,\n"
            + "canteen,Canteen payments,,,,,,many,,\n"
            + "cafe,Cafe,,,,,,,,http://insecure.example";
        var faq = "service,language,question,answer\nlibrary,es,¿Puedo renovar un libro?,Sí desde el catálogo.\nlibrary,fr,Question?,Réponse\nnowhere,en,Q?,A.";

        var report = CardReading.Said(CardOf(await bot.ActAsync(Eli, "directory.import", new { kind = "services", csv = services })));
        var again = CardReading.Said(CardOf(await bot.ActAsync(Eli, "directory.import", new { kind = "services", csv = services })));
        var faqReport = CardReading.Said(CardOf(await bot.ActAsync(Eli, "directory.import", new { kind = "faq", csv = faq })));
        var refused = await bot.ActAsync(Ben, "directory.import", new { kind = "services", csv = services });

        Assert.Contains("1 rows applied, 0 already up to date, 3 refused.", report, StringComparison.Ordinal);
        Assert.Contains("Line 3: the service id 'bad id' must be", report, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Line 4: the service 'canteen' has a promise", report, StringComparison.Ordinal);
        Assert.Contains("Line 5: the service 'cafe' has a link that is not an https address", report, StringComparison.Ordinal);
        Assert.Contains("0 rows applied, 1 already up to date, 3 refused.", again, StringComparison.Ordinal);
        Assert.Contains("Line 3: the language 'fr' is not en or es", faqReport, StringComparison.Ordinal);
        Assert.Contains("Line 4: there is no service 'nowhere'", faqReport, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", refused["type"]?.GetValue<string>());
        var library = await bot.Catalogue().FindAsync("library", CancellationToken.None);
        Assert.Equal("¿Puedo renovar un libro?", Assert.Single(library!.Faqs).Question);
        Assert.Contains(await bot.Services.GetRequiredService<DirectoryAudit>().ListAsync(CancellationToken.None), e => e.Action == "service.add" && e.Subject == "library");
    }

    [Fact]
    public async Task AStartUpImportLogsARefusedLineByNumberAndTheNextStartChangesNothing()
    {
        using var data = new TemporaryDirectory();
        var file = Path.Combine(data.Path, "services.csv");
        await File.WriteAllTextAsync(file, "id,name,description,audience,help,owner,highHours,normalHours,lowHours,links\nwifi,Wi-Fi,,,,,2,,,\nprinting,,,,,,,,,");
        var settings = new Dictionary<string, string?> { ["TeamsEngage:Catalogue:ServicesCsv"] = file };

        string[] firstLog, secondLog;
        await using (var first = await BotApplication.StartAsync(settings, dataDirectory: Path.Combine(data.Path, "store")))
        {
            firstLog = [.. first.Logs.GetSnapshot().Select(r => r.Message).Where(m => m.Contains("catalogue", StringComparison.OrdinalIgnoreCase))];
        }
        await using (var second = await BotApplication.StartAsync(settings, dataDirectory: Path.Combine(data.Path, "store")))
        {
            secondLog = [.. second.Logs.GetSnapshot().Select(r => r.Message).Where(m => m.Contains("catalogue", StringComparison.OrdinalIgnoreCase))];
        }

        Assert.Contains("Imported catalogue Services: 1 changed, 0 unchanged, 1 refused", firstLog);
        Assert.Contains(firstLog, m => m.StartsWith("Catalogue Services CSV line 3 was refused: the service 'printing' needs a name", StringComparison.Ordinal));
        Assert.Contains("Imported catalogue Services: 0 changed, 1 unchanged, 1 refused", secondLog);
    }
}
