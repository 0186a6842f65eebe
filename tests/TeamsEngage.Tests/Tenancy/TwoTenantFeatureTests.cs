using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Polls;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Tenancy.TwoDistricts;

namespace TeamsEngage.Tests.Tenancy;

/// <summary>Notices, polls and tickets of one district never reach, or answer to, the other.</summary>
public sealed class TwoTenantFeatureTests
{
    [Fact]
    public async Task ANoticeToEveryoneReachesNobodyInAnotherTenantWhoseAdministratorCannotTouchIt()
    {
        await using var bot = await StartAsync();

        var noticeId = await AnnounceToEveryoneAsync(bot);
        await NoticeFlow.WaitForNoticeAsync(bot, Ana);
        await NoticeFlow.WaitForNoticeAsync(bot, Liam);
        using (TenantScope.Enter(Alpha))
        {
            await NoticeFlow.UntilSettledAsync(bot, noticeId);
        }
        var status = await bot.ExecuteAsync(Bob, NoticeVerbs.Status, new { noticeId });
        var cancel = await bot.ExecuteAsync(Bob, NoticeVerbs.Cancel, new { noticeId });

        Assert.Empty(MessagesTo(bot, BetaPeople));
        Assert.Equal("That notice no longer exists.", NoticeFlow.MessageOf(status));
        Assert.Equal("That notice no longer exists.", NoticeFlow.MessageOf(cancel));
        using (TenantScope.Enter(Alpha))
        {
            Assert.Equal(NoticeState.Sent, (await bot.Services.GetRequiredService<NoticeStore>().FindAsync(noticeId, CancellationToken.None))?.State);
        }
    }

    [Fact]
    public async Task APollToEveryoneReachesNobodyInAnotherTenantWhoCannotVoteOrCloseItByItsId()
    {
        await using var bot = await StartAsync();

        var pollId = await SendPollAsync(bot, "2099-01-01");
        await bot.Connector.WaitForActivitiesAsync(Ana.ConversationId);
        await bot.Connector.WaitForActivitiesAsync(Liam.ConversationId);
        var vote = await bot.ExecuteAsync(Bea, PollVerbs.Vote, new { pollId, @for = Bea.UserId, choice = "0" });
        var forgedFor = await bot.ExecuteAsync(Bea, PollVerbs.Vote, new { pollId, @for = Ana.UserId, choice = "0" });
        var close = await bot.ExecuteAsync(Bob, PollVerbs.Close, new { pollId });

        Assert.Empty(MessagesTo(bot, BetaPeople));
        foreach (var refused in new[] { vote, forgedFor, close })
        {
            Assert.Equal("I cannot find that poll. Nothing was changed.", refused["value"]!.GetValue<string>());
        }
        using (TenantScope.Enter(Alpha))
        {
            var poll = await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None);
            Assert.Equal(PollStatus.Open, poll?.Status);
            Assert.Empty(await bot.Services.GetRequiredService<VoteStore>().ReadAllAsync(poll!, CancellationToken.None));
        }
    }

    [Fact]
    public async Task AReportGoesToTheLiaisonOfItsOwnTenantAndAnotherTenantsLiaisonCannotClaimItById()
    {
        await using var bot = await StartAsync();

        var alphaTicket = await bot.ReportAsync(Ana, "Alpha projector is dark");
        await bot.WaitForSentAsync(Liam, alphaTicket, "Alpha projector is dark", "ticket.claim");
        var claim = await bot.ExecuteAsync(Lena, TicketVerbs.Claim, new { ticketId = alphaTicket });
        var betaTicket = await bot.ReportAsync(Bea, "Beta printer jams");
        await bot.WaitForSentAsync(Lena, betaTicket, "Beta printer jams", "ticket.claim");

        Assert.Equal("SCI-0001", alphaTicket);
        Assert.Equal("SCI-0001", betaTicket);
        Assert.Equal("I cannot find that issue report. It may have been removed.", TicketWorld.MessageOf(claim));
        Assert.DoesNotContain(MessagesTo(bot, BetaPeople), r => r.Body.Contains("Alpha projector", StringComparison.Ordinal));
        Assert.DoesNotContain(MessagesTo(bot, AlphaPeople), r => r.Body.Contains("Beta printer", StringComparison.Ordinal));
        using (TenantScope.Enter(Alpha))
        {
            var ticket = await bot.Services.GetRequiredService<TicketStore>().FindAsync(alphaTicket, CancellationToken.None);
            Assert.Equal((TicketStatus.Open, null), (ticket?.Status, ticket?.ClaimedByKey));
        }
    }

    [Fact]
    public async Task APollClosingAndATicketEscalatingInOneTenantMessageNobodyInTheOther()
    {
        await using var bot = await StartAsync();
        var alphaPoll = await SendPollAsync(bot, "2099-01-01");
        var betaPoll = await SendPollAsync(bot, "2099-01-01", Bob);
        var ticket = await bot.ReportAsync(Ana, "Alpha smartboard frozen");
        await bot.WaitForSentAsync(Liam, ticket, "ticket.claim");
        foreach (var persona in BetaPeople)
        {
            // Every ballot of Beta's own poll is out before the sweeps, so what follows is only what the sweeps sent.
            await bot.Connector.WaitForActivitiesAsync(persona.ConversationId);
        }
        DateTimeOffset created;
        using (TenantScope.Enter(Alpha))
        {
            var polls = bot.Services.GetRequiredService<PollStore>();
            var poll = (await polls.FindAsync(alphaPoll, CancellationToken.None))!;
            await polls.OpenAsync(await polls.UpdateAsync(poll with { Spec = poll.Spec with { ClosesAt = DateTimeOffset.UtcNow.AddSeconds(-1) } }, CancellationToken.None), CancellationToken.None);
            created = (await bot.Services.GetRequiredService<TicketStore>().FindAsync(ticket, CancellationToken.None))!.CreatedAt;
        }
        bot.Connector.ClearRequests();

        var closed = await bot.Services.GetRequiredService<PollCloser>().SweepOnceAsync(CancellationToken.None);
        var escalated = await bot.Services.GetRequiredService<TicketEscalation>().SweepAsync(created.AddHours(5), CancellationToken.None);
        await bot.WaitForSentAsync(Adam, $"Escalated to you: nobody claimed {ticket} in time.");
        await bot.Connector.WaitForAsync(r => r.Route == TeamsEngage.Testing.Connector.ConnectorRoute.Update && r.Succeeded && r.ConversationId == Ana.ConversationId);

        Assert.Equal((1, 1), (closed, escalated));
        Assert.Empty(MessagesTo(bot, BetaPeople));
        using (TenantScope.Enter(Beta))
        {
            Assert.Equal(PollStatus.Open, (await bot.Services.GetRequiredService<PollStore>().FindAsync(betaPoll, CancellationToken.None))?.Status);
        }
    }

    private static async Task<string> AnnounceToEveryoneAsync(BotApplication bot)
    {
        var preview = NoticeFlow.CardOf(await bot.ExecuteAsync(Adam, NoticeVerbs.Preview, NoticeFlow.Form(audience: "Everyone", departments: "")));
        var noticeId = NoticeFlow.Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send)["data"]!["noticeId"]!.GetValue<string>();
        var sent = await bot.ExecuteAsync(Adam, NoticeVerbs.Send, new { noticeId });
        Assert.StartsWith("Sent:", NoticeCardTests.TextBlocks(NoticeFlow.CardOf(sent)).First(), StringComparison.Ordinal);
        return noticeId;
    }

    private static async Task<string> SendPollAsync(BotApplication bot, string closeDate, Persona? author = null)
    {
        author ??= Adam;
        var preview = await bot.ExecuteAsync(author, PollVerbs.Preview, new { question = "Which training day?", options = "Monday\nFriday", closeDate });
        var pollId = preview["value"]!["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();
        var sent = await bot.ExecuteAsync(author, PollVerbs.Send, new { pollId });
        Assert.Equal("application/vnd.microsoft.card.adaptive", sent["type"]!.GetValue<string>());
        return pollId;
    }
}
