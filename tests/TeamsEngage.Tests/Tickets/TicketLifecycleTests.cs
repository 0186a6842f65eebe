using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

public sealed class TicketLifecycleTests
{
    [Fact]
    public async Task AReportTravelsFromTeacherToLiaisonAndBackUntilItIsResolvedAndReopened()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        await bot.SayAsAsync(Ana, "report");
        var form = Assert.Single(bot.SentTo(Ana));
        Assert.Equal("Report a problem", SentCards.TitleOf(form));

        var confirmation = CardOf(await bot.ActAsync(Ana, TicketVerbs.Submit, new { description = "The projector shows no picture", location = "Room 12", urgency = "StoppingClass" }));
        Assert.Equal("Your report SCI-0001", SentCards.TitleOf(confirmation));
        Assert.Contains("Ben Okafor", SentCards.AllText(confirmation), StringComparison.Ordinal);

        await bot.WaitForSentAsync(Ben, "SCI-0001", "The projector shows no picture", "Ana Torres", "ticket.claim");
        var benCardId = await bot.DeliveredCardIdAsync("SCI-0001", Ben);

        var claimed = CardOf(await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = "SCI-0001" }, benCardId));
        Assert.DoesNotContain("ticket.claim", claimed.ToJsonString(), StringComparison.Ordinal);
        await bot.WaitForSentAsync(Ana, "SCI-0001", "Ben Okafor is on it");
        await bot.WaitForUpdateAsync("1700000000900", "Ben Okafor is on it");

        await bot.ActAsync(Ben, TicketVerbs.Reply, new { ticketId = "SCI-0001", replyText = "Is the HDMI cable plugged in?" }, benCardId);
        await bot.WaitForSentAsync(Ana, "Ben Okafor replied", "Is the HDMI cable plugged in?", TicketVerbs.Say);

        await bot.SayAsAsync(Ana, "Yes, and it still shows nothing");
        Assert.Contains(bot.SentTo(Ana), a => a.Text?.Contains("Sent to Ben Okafor about SCI-0001", StringComparison.Ordinal) == true);
        await bot.WaitForSentAsync(Ben, "Ana Torres wrote", "Yes, and it still shows nothing", TicketVerbs.Reply);

        var resolved = CardOf(await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = "SCI-0001", resolution = "Replaced the HDMI cable." }, benCardId));
        Assert.Contains("Resolved", resolved.ToJsonString(), StringComparison.Ordinal);
        await bot.WaitForSentAsync(Ana, "Replaced the HDMI cable.", TicketVerbs.Reopen, TicketVerbs.Rate);
        var resolvedCardId = await WaitForReporterCardAsync(bot, "SCI-0001", "1700000000900");

        var reopened = CardOf(await bot.ActAsync(Ana, TicketVerbs.Reopen, new { ticketId = "SCI-0001", reason = "Still no picture." }, resolvedCardId));
        Assert.Contains("Ben Okafor is on it", reopened.ToJsonString(), StringComparison.Ordinal);
        await bot.WaitForSentAsync(Ben, "The reporter reopened SCI-0001");
        await bot.WaitForUpdateAsync(benCardId, "Ana Torres reopened it");

        var ticket = await bot.Store().FindAsync("SCI-0001", CancellationToken.None);
        Assert.Equal((TicketStatus.Claimed, "Ben Okafor"), (ticket!.Status, ticket.ClaimedByName));
        var history = await bot.Store().HistoryAsync("SCI-0001", CancellationToken.None);
        Assert.Equal(
            [TicketEventKind.Created, TicketEventKind.Claimed, TicketEventKind.LiaisonReply, TicketEventKind.ReporterMessage, TicketEventKind.Resolved, TicketEventKind.Reopened],
            history.Select(e => e.Kind));
    }

    [Fact]
    public async Task TheReporterCanRateAResolvedTicketFromItsCard()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = id, resolution = "Rebooted it." });

        var rated = CardOf(await bot.ActAsync(Ana, TicketVerbs.Rate, new { ticketId = id, rating = "4" }));

        Assert.Contains("You rated this 4 out of 5", rated.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(4, (await bot.Store().FindAsync(id, CancellationToken.None))!.Rating);
    }

    [Fact]
    public async Task TwoLiaisonsPressingClaimAtOnceGiveExactlyOneWinner()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);

        var answers = await Task.WhenAll(
            bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = id }),
            bot.ActAsync(Dana, TicketVerbs.Claim, new { ticketId = id }));

        var winners = answers.Where(a => a["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive").ToList();
        var loser = Assert.Single(answers, a => a["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message");
        Assert.Single(winners);
        var ticket = await bot.Store().FindAsync(id, CancellationToken.None);
        Assert.Contains($"{ticket!.ClaimedByName} claimed {id} first", MessageOf(loser), StringComparison.Ordinal);
        var history = await bot.Store().HistoryAsync(id, CancellationToken.None);
        Assert.Single(history, e => e.Kind == TicketEventKind.Claimed);
    }

    [Fact]
    public async Task ABadSubmissionReturnsTheFormWithTheErrorAndKeepsWhatWasTyped()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        var body = await bot.ActAsync(Ana, TicketVerbs.Submit, new { description = "Wi-Fi drops every ten minutes", location = " ", urgency = "InTheWay" });

        var form = CardOf(body).ToJsonString();
        Assert.Contains("Please say where the problem is", form, StringComparison.Ordinal);
        Assert.Contains("Wi-Fi drops every ten minutes", form, StringComparison.Ordinal);
        Assert.Empty(await bot.Store().ListOpenAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task PressingSendTwiceOnTheSameFormFilesOneTicket()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        var first = await bot.ReportAsync(Ana);
        var again = await bot.ReportAsync(Ana);

        Assert.Equal(first, again);
        Assert.Single(await bot.Store().ListOpenAsync(CancellationToken.None).ToListAsync());
    }

    private static async Task<string> WaitForReporterCardAsync(BotApplication bot, string ticketId, string except)
    {
        var cards = await Eventually.ValueAsync(
            () => bot.Store().CardsAsync(ticketId, CancellationToken.None),
            cards => cards.Any(c => c.View == TicketCardView.Reporter && c.ActivityId != except),
            "the resolved card delivered to the reporter");
        return cards.First(c => c.View == TicketCardView.Reporter && c.ActivityId != except).ActivityId;
    }
}
