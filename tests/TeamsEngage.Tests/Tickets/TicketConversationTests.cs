using TeamsEngage.Bot;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

public sealed class TicketConversationTests
{
    [Fact]
    public async Task TextThatReadsLikeAProblemIsOfferedAsAPrefilledReport()
    {
        await using var bot = await TicketWorld.StartAsync();

        await bot.SayAsAsync(Ana, "the projector in room 12 is broken again");

        var offer = SentCards.CardOf(Assert.Single(bot.SentTo(Ana))).ToJsonString();
        Assert.Contains("It sounds like something is not working", offer, StringComparison.Ordinal);
        Assert.Contains("the projector in room 12 is broken again", offer, StringComparison.Ordinal);
        Assert.Contains(TicketVerbs.Submit, offer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithSeveralClaimedTicketsTheBotAsksWhichOneAMessageIsAbout()
    {
        await using var bot = await TicketWorld.StartAsync();
        var first = await bot.ReportAsync(Ana);
        var second = await bot.ReportAsync(Ana, "The printer jams", "1700000000901");
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = first });
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = second });
        await bot.WaitForSentAsync(Ana, $"About {first}", "Ben Okafor is on it");
        await bot.WaitForSentAsync(Ana, $"About {second}", "Ben Okafor is on it");
        bot.Connector.ClearRequests();

        await bot.SayAsAsync(Ana, "Any news?");

        var question = SentCards.CardOf(Assert.Single(bot.SentTo(Ana))).ToJsonString();
        Assert.Contains("Which issue is this about?", question, StringComparison.Ordinal);
        Assert.Contains(first, question, StringComparison.Ordinal);
        Assert.Contains(second, question, StringComparison.Ordinal);
        var sent = MessageOf(await bot.ActAsync(Ana, TicketVerbs.Say, new { ticketId = second, message = "Any news?" }));
        Assert.Equal($"Sent to Ben Okafor about {second}.", sent);
        await bot.WaitForSentAsync(Ben, second, "Any news?");
    }

    [Fact]
    public async Task TheConcernButtonOfANoticeOpensAFormLinkedToTheNotice()
    {
        await using var bot = await TicketWorld.StartAsync();

        var answer = MessageOf(await bot.ActAsync(Ana, SharedVerbs.OpenReport, new OpenReportData("notice-7")));
        var form = SentCards.CardOf(Assert.Single(bot.SentTo(Ana)));
        // Teams sends back the send button's own data merged with the inputs.
        var send = form["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == TicketVerbs.Submit)!;
        var noticeId = send["data"]!["noticeId"]!.GetValue<string>();
        var confirmation = CardOf(await bot.ActAsync(Ana, TicketVerbs.Submit, new { noticeId, description = "The projector shows no picture", location = "Room 12", urgency = "StoppingClass" }));
        var title = SentCards.TitleOf(confirmation)!;
        using var home = Fixtures.InHomeTenant();
        var ticket = await bot.Store().FindAsync(title[(title.LastIndexOf(' ') + 1)..], CancellationToken.None);

        Assert.Contains("report form", answer, StringComparison.Ordinal);
        Assert.Equal("notice-7", noticeId);
        Assert.Equal("notice-7", ticket?.NoticeId);
    }

    [Fact]
    public async Task MyIssuesAndQueueListTheRightTickets()
    {
        await using var bot = await TicketWorld.StartAsync();
        var mine = await bot.ReportAsync(Ana, "Interactive board frozen");
        var math = CardOf(await bot.ActAsync(Gus, TicketVerbs.Submit, new { description = "Math lab PCs offline", location = "Lab", urgency = "InTheWay" }));
        await bot.WaitForSentAsync(Ben, mine, TicketVerbs.Claim);
        await bot.WaitForSentAsync(Eli, "MAT-0001", TicketVerbs.Claim);
        bot.Connector.ClearRequests();

        await bot.SayAsAsync(Ana, "my issues");
        await bot.SayAsAsync(Ben, "queue");
        await bot.SayAsAsync(Eli, "queue");
        await bot.SayAsAsync(Carmen, "cola");

        var anaList = SentCards.CardOf(Assert.Single(bot.SentTo(Ana))).ToJsonString();
        Assert.Contains(mine, anaList, StringComparison.Ordinal);
        Assert.DoesNotContain("MAT-0001", anaList, StringComparison.Ordinal);
        var benQueue = SentCards.CardOf(Assert.Single(bot.SentTo(Ben))).ToJsonString();
        Assert.Contains(mine, benQueue, StringComparison.Ordinal);
        Assert.DoesNotContain("MAT-0001", benQueue, StringComparison.Ordinal);
        var eliQueue = SentCards.CardOf(Assert.Single(bot.SentTo(Eli))).ToJsonString();
        Assert.True(eliQueue.IndexOf("SCI-0001", StringComparison.Ordinal) < eliQueue.IndexOf("MAT-0001", StringComparison.Ordinal));
        Assert.DoesNotContain("SCI-0001", Assert.Single(bot.SentTo(Carmen)).Text ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("Your report MAT-0001", SentCards.TitleOf(math));
    }
}
