using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>
/// A poll whose sending died after voting opened and before its broadcast was queued (the state a killed process leaves):
/// Send is refused from then on, so the closing sweep queues it, and every recipient gets exactly one card.
/// </summary>
public sealed class CutShortPollSendTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOpenPollWhoseBroadcastWasNeverQueuedReachesEveryRecipientOnceAfterTheNextSweep(bool anonymous)
    {
        var voters = Voters("SCI", 6);
        await using var bot = await StartAsync(voters);
        var preview = await bot.ExecuteAsync(Admin, PollVerbs.Preview, new { question = "Is the new rota fair?", options = "Yes\nNo", anonymous = anonymous ? "true" : "false", closeDate = "2099-01-01", audienceKind = "Departments", audienceValues = "SCI" });
        var pollId = preview["value"]!["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        using (Fixtures.InHomeTenant())
        {
            // What SendAsync writes before it queues the broadcast, and nothing after: the process died here.
            var store = bot.Services.GetRequiredService<PollStore>();
            var draft = (await store.FindAsync(pollId, CancellationToken.None))!;
            await store.OpenAsync(draft, CancellationToken.None);
            await store.UpdateAsync(draft with { Status = PollStatus.Open }, CancellationToken.None);
            Assert.Null(await outbox.ReadProgressAsync(pollId));
        }
        var again = await bot.ExecuteAsync(Admin, PollVerbs.Send, new { pollId });
        Assert.DoesNotContain(voters, v => bot.Connector.Requests.Any(r => r.ConversationId == v.Persona.ConversationId));

        await bot.Services.GetRequiredService<PollCloser>().SweepOnceAsync(CancellationToken.None);
        await bot.Services.GetRequiredService<PollCloser>().SweepOnceAsync(CancellationToken.None);

        foreach (var (_, voter) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(voter.ConversationId);
        }
        using (Fixtures.InHomeTenant())
        {
            var deliveries = await outbox.ReadDeliveriesAsync(pollId).ToListAsync();
            Assert.Equal(voters.Select(v => v.Persona.UserId).Order(StringComparer.Ordinal), deliveries.Select(d => d.UserId).Order(StringComparer.Ordinal));
        }
        await Task.Delay(500);
        Assert.All(voters, v => Assert.Single(bot.Connector.Requests, r => r.ConversationId == v.Persona.ConversationId && r.Route == ConnectorRoute.Send));
        Assert.Equal("application/vnd.microsoft.card.adaptive", TypeOf(await VoteAsync(bot, voters[0].Persona, pollId, "0")));
        Assert.Contains("already been sent", TextOf(again), StringComparison.Ordinal);
    }
}
