using TeamsEngage.Tests.Support;
using TeamsEngage.Features.Tickets;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

/// <summary>What the route table checks before a ticket handler runs: the data's shape, the caller's role, and whose ticket it is.</summary>
public sealed class TicketAccessTests
{
    [Fact]
    public async Task AForgedCardNamingSomeoneElsesTicketIsRefusedWithTheNotYoursSentence()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = id, resolution = "Rebooted it." });
        var before = await bot.Store().FindAsync(id, CancellationToken.None);

        var rate = MessageOf(await bot.ActAsync(Gus, TicketVerbs.Rate, new { ticketId = id, rating = "1" }));
        var say = MessageOf(await bot.ActAsync(Gus, TicketVerbs.Say, new { ticketId = id, message = "Pretending to be Ana" }));

        Assert.Equal("Only the person who reported this issue can do that. Nothing was changed.", rate);
        Assert.Equal(rate, say);
        var after = await bot.Store().FindAsync(id, CancellationToken.None);
        Assert.Equal((before!.ETag, (int?)null), (after!.ETag, after.Rating));
        Assert.DoesNotContain(await bot.Store().HistoryAsync(id, CancellationToken.None), e => e.Kind is TicketEventKind.ReporterMessage or TicketEventKind.Rated);
    }

    [Fact]
    public async Task CardDataOfTheWrongShapeGetsTheNotFoundSentence()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);

        var answers = new[]
        {
            MessageOf(await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = 42 })),
            MessageOf(await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticket = id })),
            MessageOf(await bot.ActAsync(Ben, TicketVerbs.Claim, new[] { id })),
            MessageOf(await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = "SCI-9999" })),
            MessageOf(await bot.ActAsync(Ana, TicketVerbs.Reopen, new { ticketId = "../SCI-0001" })),
        };

        Assert.All(answers, a => Assert.Equal("I cannot find that issue report. It may have been removed.", a));
        Assert.Equal(TicketStatus.Open, (await bot.Store().FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AMemberPressingAStaffVerbIsRefusedEvenOnTheirOwnTicket()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);

        var resolve = MessageOf(await bot.ActAsync(Ana, TicketVerbs.Resolve, new { ticketId = id, resolution = "Fixed it myself." }));
        var reassign = MessageOf(await bot.ActAsync(Ana, TicketVerbs.Reassign, new { ticketId = id, target = "d:ART" }));

        Assert.Equal("Only the liaisons of this issue's department and the administrators can act on it. Nothing was changed.", resolve);
        Assert.Equal(resolve, reassign);
        var ticket = await bot.Store().FindAsync(id, CancellationToken.None);
        Assert.Equal((TicketStatus.Open, "SCI"), (ticket!.Status, ticket.DepartmentCode));
        Assert.Single(await bot.Store().HistoryAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task TheReporterMayWriteAboutTheirOwnTicketFromACard()
    {
        await using var bot = await TicketWorld.StartAsync();
        var id = await bot.ReportAsync(Ana);

        var sent = MessageOf(await bot.ActAsync(Ana, TicketVerbs.Say, new { ticketId = id, message = "It flickers too" }));

        Assert.Equal($"Sent to Ben Okafor about {id}.", sent);
        await bot.WaitForSentAsync(Ben, id, "It flickers too");
    }
}
