using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

public sealed class TicketRoutingTests
{
    [Fact]
    public async Task SomeoneWhoIsNotTheTicketsLiaisonIsRefusedAndNothingChanges()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        var before = await bot.Store().FindAsync(id, CancellationToken.None);

        var teacher = MessageOf(await bot.ActAsync(Carmen, TicketVerbs.Claim, new { ticketId = id }));
        var otherLiaison = MessageOf(await bot.ActAsync(Fay, TicketVerbs.Resolve, new { ticketId = id, resolution = "Not my department, closing." }));
        var forgedReply = MessageOf(await bot.ActAsync(Gus, TicketVerbs.Reply, new { ticketId = id, replyText = "Hi from a stranger" }));
        var notTheReporter = MessageOf(await bot.ActAsync(Carmen, TicketVerbs.Reopen, new { ticketId = id }));

        Assert.Contains("Solo los enlaces del departamento de esta incidencia", teacher, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", otherLiaison, StringComparison.Ordinal);
        Assert.Contains("Only the liaisons of this issue's department", forgedReply, StringComparison.Ordinal);
        Assert.Contains("Solo quien informó de esta incidencia", notTheReporter, StringComparison.Ordinal);
        var after = await bot.Store().FindAsync(id, CancellationToken.None);
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Single(await bot.Store().HistoryAsync(id, CancellationToken.None));
        Assert.Equal(0, bot.Count(Ana, "Hi from a stranger"));
    }

    [Fact]
    public async Task ABackupAndAnAdministratorMayActOnADepartmentsTicket()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var first = await bot.ReportAsync(Ana);
        var second = await bot.ReportAsync(Ana, "The printer jams", "1700000000901");

        CardOf(await bot.ActAsync(Dana, TicketVerbs.Claim, new { ticketId = first }));
        CardOf(await bot.ActAsync(Eli, TicketVerbs.Claim, new { ticketId = second }));

        Assert.Equal("Dana Park", (await bot.Store().FindAsync(first, CancellationToken.None))!.ClaimedByName);
        Assert.Equal("Eli Grant", (await bot.Store().FindAsync(second, CancellationToken.None))!.ClaimedByName);
        Assert.Equal("SCI-0002", second);
    }

    [Fact]
    public async Task ADepartmentWithoutALiaisonGoesToTheAdministratorsAndTheReporterIsToldSo()
    {
        await using var bot = await TicketWorld.StartAsync();

        var confirmation = CardOf(await bot.ActAsync(Gus, TicketVerbs.Submit, new { description = "Calculator app will not open", location = "Room 4", urgency = "Whenever" }));

        var text = SentCards.AllText(confirmation);
        Assert.Equal("Your report MAT-0001", SentCards.TitleOf(confirmation));
        Assert.Contains("the IT administrators", text, StringComparison.Ordinal);
        Assert.Contains("has no IT liaison available", text, StringComparison.Ordinal);
        await bot.WaitForSentAsync(Eli, "MAT-0001", "Calculator app will not open", "ticket.claim");
        CardOf(await bot.ActAsync(Eli, TicketVerbs.Claim, new { ticketId = "MAT-0001" }));
        await bot.WaitForSentAsync(Gus, "MAT-0001", "Eli Grant is on it");
    }

    [Fact]
    public async Task AnUnclaimedTicketRemindsThenEscalatesToTheBackupThenToTheAdministrators()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        await bot.WaitForSentAsync(Ben, id, "ticket.claim");
        var created = (await bot.Store().FindAsync(id, CancellationToken.None))!.CreatedAt;
        var escalation = bot.Services.GetRequiredService<TicketEscalation>();

        Assert.Equal(0, await escalation.SweepAsync(created.AddHours(3), CancellationToken.None));
        Assert.Equal(1, await escalation.SweepAsync(created.AddHours(3.6), CancellationToken.None));
        Assert.Equal(0, await escalation.SweepAsync(created.AddHours(3.7), CancellationToken.None));
        await bot.WaitForSentAsync(Ben, $"Reminder: {id} must be claimed soon");

        Assert.Equal(1, await escalation.SweepAsync(created.AddHours(4).AddMinutes(1), CancellationToken.None));
        await bot.WaitForSentAsync(Dana, $"Escalated to you: nobody claimed {id} in time.", "ticket.claim");
        await bot.WaitForSentAsync(Ana, id, "escalated to Dana Park");

        Assert.Equal(0, await escalation.SweepAsync(created.AddHours(5), CancellationToken.None));
        Assert.Equal(1, await escalation.SweepAsync(created.AddHours(8).AddMinutes(1), CancellationToken.None));
        await bot.WaitForSentAsync(Eli, $"Escalated to you: nobody claimed {id} in time.");
        await bot.WaitForSentAsync(Ana, id, "escalated to the IT administrators");

        var history = await bot.Store().HistoryAsync(id, CancellationToken.None);
        Assert.Equal([TicketEventKind.Created, TicketEventKind.Reminded, TicketEventKind.Escalated, TicketEventKind.Escalated], history.Select(e => e.Kind));
        var card = CardOf(await bot.ActAsync(Eli, TicketVerbs.Claim, new { ticketId = id })).ToJsonString();
        Assert.Contains("escalated to Dana Park", card, StringComparison.Ordinal);
        Assert.Equal(0, await escalation.SweepAsync(created.AddDays(3), CancellationToken.None));
    }

    [Fact]
    public async Task ReassigningToAnotherDepartmentHandsTheTicketToItsLiaison()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);

        CardOf(await bot.ActAsync(Ben, TicketVerbs.Reassign, new { ticketId = id, target = "d:ART" }));

        await bot.WaitForSentAsync(Fay, id, "Ben Okafor reassigned", "ticket.claim");
        await bot.WaitForSentAsync(Ana, id, "Moved to Arts; Fay Moreno will handle it.");
        var ticket = await bot.Store().FindAsync(id, CancellationToken.None);
        Assert.Equal(("ART", "Fay Moreno", TicketStatus.Open), (ticket!.DepartmentCode, ticket.AssigneeName, ticket.Status));
        CardOf(await bot.ActAsync(Fay, TicketVerbs.Claim, new { ticketId = id }));
    }
}
