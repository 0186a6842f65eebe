using System.Text.Encodings.Web;
using System.Text.Json;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Calendar;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

/// <summary>After a resolution: the reporter says why a ticket is back, rates it with a comment, and the liaison hears both.</summary>
public sealed class TicketReopenAndRatingTests
{
    [Fact]
    public async Task ReopeningWithoutSayingWhatIsStillWrongIsRefusedAndTheTicketStaysResolved()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await ResolvedTicketAsync(bot, Ana);

        var refused = MessageOf(await bot.ActAsync(Ana, TicketVerbs.Reopen, new { ticketId = id, reason = "   " }));

        Assert.Equal("Please say what is still wrong, so the liaison knows. Nothing was changed.", refused);
        Assert.Equal(TicketStatus.Resolved, (await bot.Store().FindAsync(id, CancellationToken.None))!.Status);
        Assert.DoesNotContain(await bot.Store().HistoryAsync(id, CancellationToken.None), e => e.Kind == TicketEventKind.Reopened);
    }

    [Fact]
    public async Task TheLiaisonReadsWhyTheReporterReopenedTheTicket()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await ResolvedTicketAsync(bot, Ana);

        var reopened = CardOf(await bot.ActAsync(Ana, TicketVerbs.Reopen, new { ticketId = id, reason = "It went *blank* again after lunch." }));

        Assert.Contains("Ben Okafor is on it", reopened.ToJsonString(), StringComparison.Ordinal);
        await bot.WaitForSentAsync(Ben, "The reporter reopened " + id, @"Ana Torres reopened it: It went \\*blank\\* again after lunch.");
        var reopenedEvent = Assert.Single(await bot.Store().HistoryAsync(id, CancellationToken.None), e => e.Kind == TicketEventKind.Reopened);
        Assert.Equal("It went *blank* again after lunch.", reopenedEvent.Text);
    }

    [Fact]
    public async Task AReopenedTicketRunsOnAFreshPromiseCountedFromTheReopeningEvenWhenItWasClaimed()
    {
        var monday = CalendarWorld.InNewYork(2026, 12, 7, 9);
        var (bot, clock) = await CalendarWorld.StartAsync(monday);
        await using var _ = bot;
        using var home = Fixtures.InHomeTenant();
        var id = await ResolvedTicketAsync(bot, Ana);
        var first = (await bot.Store().FindAsync(id, CancellationToken.None))!;

        clock.SetUtcNow(CalendarWorld.InNewYork(2026, 12, 10, 9));
        await bot.ActAsync(Ana, TicketVerbs.Reopen, new { ticketId = id, reason = "It is back." });

        var reopened = (await bot.Store().FindAsync(id, CancellationToken.None))!;
        Assert.Equal(TicketStatus.Claimed, reopened.Status);
        Assert.Equal(CalendarWorld.InNewYork(2026, 12, 10, 9) + (first.DueAt - first.CreatedAt), reopened.DueAt);
        Assert.Equal(reopened.DueAt, reopened.NextEscalationAt);
    }

    [Fact]
    public async Task TheLiaisonIsToldOfARatingWithTheReportersComment()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await ResolvedTicketAsync(bot, Ana);

        var rated = CardOf(await bot.ActAsync(Ana, TicketVerbs.Rate, new { ticketId = id, rating = "2", comment = "Fixed, but it took three days." }));

        Assert.Contains("You rated this 2 out of 5", rated.ToJsonString(), StringComparison.Ordinal);
        await bot.WaitForSentAsync(Ben, id, "Ana Torres rated it 2 out of 5: Fixed, but it took three days.");
    }

    [Fact]
    public async Task ASecondRatingIsRefusedAndTheFirstStands()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await ResolvedTicketAsync(bot, Ana);
        await bot.ActAsync(Ana, TicketVerbs.Rate, new { ticketId = id, rating = "5" });

        var again = MessageOf(await bot.ActAsync(Ana, TicketVerbs.Rate, new { ticketId = id, rating = "1" }));

        Assert.Equal("You have already rated this. Nothing was changed.", again);
        Assert.Equal(5, (await bot.Store().FindAsync(id, CancellationToken.None))!.Rating);
        Assert.Single(await bot.Store().HistoryAsync(id, CancellationToken.None), e => e.Kind == TicketEventKind.Rated);
    }

    [Fact]
    public async Task ASpanishReporterIsAskedWhyAndForACommentInSpanish()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await ResolvedTicketAsync(bot, Carmen);
        var card = SentCards.CardOf(await bot.WaitForSentAsync(Carmen, TicketVerbs.Reopen, TicketVerbs.Rate)).ToJsonString(Unescaped);

        Assert.Contains("¿Qué sigue fallando?", card, StringComparison.Ordinal);
        Assert.Contains("¿Algo que añadir? (opcional)", card, StringComparison.Ordinal);
        Assert.Equal(
            "Cuéntanos qué sigue fallando, para que el enlace de TI lo sepa. No se cambió nada.",
            MessageOf(await bot.ActAsync(Carmen, TicketVerbs.Reopen, new { ticketId = id })));
        await bot.ActAsync(Carmen, TicketVerbs.Rate, new { ticketId = id, rating = "4", comment = "Muy bien." });
        await bot.WaitForSentAsync(Ben, "Carmen Ruiz rated it 4 out of 5: Muy bien.");
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<string> ResolvedTicketAsync(BotApplication bot, Persona reporter)
    {
        var id = await bot.ReportAsync(reporter);
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = id });
        await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = id, resolution = "Rebooted it." });
        return id;
    }
}
