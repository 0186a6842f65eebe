using System.Text.Json.Nodes;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

/// <summary>What the reporter is told: who handles the ticket, where it went, and what the form found wrong.</summary>
public sealed class TicketWordingTests
{
    private static readonly Persona Nia = Persona.Create("Nia Cole", "nia");
    private static readonly Persona Sol = Persona.Create("Sol Vega", "sol", "es-MX");

    [Fact]
    public async Task TheReporterReadsTheLiaisonsNameFromTheMemberLookupWhenTeamsInstalledHerWithoutOne()
    {
        await using var bot = await StartWithNamelessInstallOfBenAsync();

        var english = CardOf(await bot.ActAsync(Ana, TicketVerbs.Submit, new { description = "The projector shows no picture", location = "Room 12", urgency = "StoppingClass" }, "1700000000901"));
        var spanish = CardOf(await bot.ActAsync(Carmen, TicketVerbs.Submit, new { description = "El proyector no funciona", location = "Aula 3", urgency = "InTheWay" }, "1700000000902"));

        var saidEn = CardReading.Said(english);
        Assert.Contains("Handled by: Ben Okafor", saidEn, StringComparison.Ordinal);
        Assert.DoesNotContain("administrators", saidEn, StringComparison.Ordinal);
        Assert.DoesNotContain("no IT liaison", saidEn, StringComparison.Ordinal);
        Assert.Equal(["Add a message"], CardReading.ActionTitles(english));
        var saidEs = CardReading.Said(spanish);
        Assert.Contains("La atiende: Ben Okafor", saidEs, StringComparison.Ordinal);
        Assert.DoesNotContain("administradores", saidEs, StringComparison.Ordinal);
        Assert.Equal(["Añadir un mensaje"], CardReading.ActionTitles(spanish));
        await AssertParsesAsync(("reporter.en", english), ("reporter.es", spanish));
    }

    [Fact]
    public async Task AfterAMoveTheReporterIsToldWhereTheTicketWentAndWhoWillHandleIt()
    {
        await using var bot = await TicketWorld.StartAsync();
        var anas = await bot.ReportAsync(Ana, formActivityId: "1700000000911");
        var carmens = await bot.ReportAsync(Carmen, "El proyector no funciona", "1700000000912");

        CardOf(await bot.ActAsync(Ben, TicketVerbs.Reassign, new { ticketId = anas, target = "d:ART" }));
        CardOf(await bot.ActAsync(Ben, TicketVerbs.Reassign, new { ticketId = carmens, target = "d:MAT" }));

        var toAna = CardReading.Said(SentCards.CardOf(await bot.WaitForSentAsync(Ana, anas, "Moved to Arts")));
        Assert.Contains("Moved to Arts; Fay Moreno will handle it.", toAna, StringComparison.Ordinal);
        var toCarmen = SentCards.CardOf(await bot.WaitForSentAsync(Carmen, carmens, "Trasladada a Mathematics"));
        Assert.Contains("Trasladada a Mathematics, que ahora mismo no tiene un enlace de TI disponible; se encargarán los administradores de TI.", CardReading.Said(toCarmen), StringComparison.Ordinal);
        Assert.Equal(["Responder"], CardReading.ActionTitles(toCarmen));
        var carmensCard = await UpdatedCardAsync(bot, Carmen, "1700000000912", "Mathematics");
        var saidOnCard = CardReading.Said(carmensCard);
        Assert.Contains("Ahora mismo Mathematics no tiene un enlace de TI disponible", saidOnCard, StringComparison.Ordinal);
        Assert.DoesNotContain("tu departamento", saidOnCard, StringComparison.Ordinal);
        var anasCard = CardReading.Said(await UpdatedCardAsync(bot, Ana, "1700000000911", "Fay Moreno"));
        Assert.Contains("Handled by: Fay Moreno", anasCard, StringComparison.Ordinal);
        Assert.DoesNotContain("no IT liaison", anasCard, StringComparison.Ordinal);
        await AssertParsesAsync(("moved.es", toCarmen), ("reporter.moved.es", carmensCard));
    }

    [Fact]
    public async Task APersonWithoutADepartmentReportsIntoTheAdministratorsNamedQueueAndIsToldToChooseOneInProfile()
    {
        await using var bot = await TicketWorld.StartAsync();
        await bot.InstallAsAsync(Nia);
        await bot.InstallAsAsync(Sol);

        var english = CardOf(await bot.ActAsync(Nia, TicketVerbs.Submit, new { description = "My laptop will not start", location = "Library", urgency = "StoppingClass" }));
        var spanish = CardOf(await bot.ActAsync(Sol, TicketVerbs.Submit, new { description = "No tengo internet", location = "Aula 9", urgency = "Whenever" }));

        Assert.Equal("Your report NODEPT-0001", SentCards.TitleOf(english));
        var saidEn = CardReading.Said(english);
        Assert.Contains("Handled by: the IT administrators", saidEn, StringComparison.Ordinal);
        Assert.Contains("You have no department yet, so the IT administrators will handle this report. Choose your department in **profile**", saidEn, StringComparison.Ordinal);
        Assert.DoesNotContain("GEN", saidEn, StringComparison.Ordinal);
        Assert.Equal("Tu incidencia NODEPT-0002", SentCards.TitleOf(spanish));
        var saidEs = CardReading.Said(spanish);
        Assert.Contains("La atiende: los administradores de TI", saidEs, StringComparison.Ordinal);
        Assert.Contains("Aún no tienes departamento, así que los administradores de TI atenderán esta incidencia. Elige tu departamento en **perfil**", saidEs, StringComparison.Ordinal);
        var toAdmin = SentCards.CardOf(await bot.WaitForSentAsync(Eli, "NODEPT-0001", "ticket.claim"));
        Assert.Contains("Department: No department (IT administrators)", CardReading.Said(toAdmin), StringComparison.Ordinal);
        Assert.Contains("Claim", CardReading.ActionTitles(toAdmin));
        await AssertParsesAsync(("nodept.en", english), ("nodept.es", spanish), ("nodept.staff", toAdmin));
    }

    [Fact]
    public async Task TheReportFormShowsEveryErrorUnderItsOwnField()
    {
        await using var bot = await TicketWorld.StartAsync();

        var english = CardOf(await bot.ActAsync(Ana, TicketVerbs.Submit, new { description = " ", location = "", urgency = "Soon" }));
        var spanish = CardOf(await bot.ActAsync(Carmen, TicketVerbs.Submit, new { description = "El proyector", location = new string('x', 201) }));

        var outline = CardReading.BodyOutline(english);
        Assert.Equal("Please say what is wrong.", After(outline, "input:description"));
        Assert.Equal("Please say where the problem is (room, device or app).", After(outline, "input:location"));
        Assert.Equal("Please choose how urgent it is.", After(outline, "input:urgency"));
        Assert.Equal(["Send report"], CardReading.ActionTitles(english));
        var spanishOutline = CardReading.BodyOutline(spanish);
        Assert.Equal("input:location", After(spanishOutline, "input:description"));
        Assert.Equal("El lugar debe tener menos de 200 caracteres.", After(spanishOutline, "input:location"));
        Assert.Equal("Elige qué urgencia tiene.", After(spanishOutline, "input:urgency"));
        Assert.Equal(["Enviar"], CardReading.ActionTitles(spanish));
        await AssertParsesAsync(("form.errors.en", english), ("form.errors.es", spanish));
    }

    private static string After(IReadOnlyList<string> outline, string element) => outline[outline.ToList().IndexOf(element) + 1];

    private static async Task<BotApplication> StartWithNamelessInstallOfBenAsync()
    {
        // Teams' installationUpdate often carries no name; the connector's member lookup has it.
        var reinstalled = Persona.Create("Ben Okafor", "ben-nameless");
        var settings = DirectorySeeding.Settings(departments: $"Science,SCI,{DirectorySeeding.EmailOf(reinstalled)},,4", people: $"{DirectorySeeding.EmailOf(Ana)},SCI,member,en\n{DirectorySeeding.EmailOf(Carmen)},SCI,member,es");
        var fresh = await BotApplication.StartAsync(settings);
        fresh.Connector.SetMembers(reinstalled.ConversationId, new TeamsChannelAccount
        {
            Id = reinstalled.UserId,
            AadObjectId = reinstalled.AadObjectId,
            Name = "Ben Okafor",
            Email = DirectorySeeding.EmailOf(reinstalled),
            UserPrincipalName = DirectorySeeding.EmailOf(reinstalled),
            TenantId = reinstalled.TenantId,
        });
        var install = Fixtures.LoadNode("installation-add.json", fresh.Connector.BaseUrl, reinstalled);
        install["from"]!.AsObject().Remove("name");
        install["recipient"]!.AsObject().Remove("name");
        using (var response = await fresh.PostAsync(install.ToJsonString()))
        {
            response.EnsureSuccessStatusCode();
        }
        await fresh.InstallAsAsync(Ana);
        await fresh.InstallAsAsync(Carmen);
        fresh.Connector.ClearRequests();
        return fresh;
    }

    private static async Task<JsonNode> UpdatedCardAsync(BotApplication bot, Persona persona, string activityId, string fragment)
    {
        var updates = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded && r.ConversationId == persona.ConversationId
            && r.ActivityId == activityId && r.Body.Contains(fragment, StringComparison.Ordinal));
        return SentCards.CardOf(updates[^1].ReadActivity()!);
    }

    private static async Task AssertParsesAsync(params (string Name, JsonNode Card)[] cards)
    {
        var reports = await AdaptiveCardsParser.ValidateAsync(cards);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }
}
