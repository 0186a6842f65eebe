using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>
/// A survey whose sending died after it opened and before its broadcast was queued (the state a killed process leaves):
/// Send is refused from then on, so the closing sweep queues it, and every recipient gets exactly one card.
/// </summary>
public sealed class CutShortSurveySendTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOpenSurveyWhoseBroadcastWasNeverQueuedReachesEveryRecipientOnceAfterTheNextSweep(bool anonymous)
    {
        var voters = Voters("SCI", 6);
        await using var bot = await StartAsync(voters);
        var preview = await PreviewAsync(bot, Admin, new Dictionary<string, string?>
        {
            ["title"] = "Pulse",
            ["questions"] = "rating* | Is the new rota fair? | 1; 2; 3; 4; 5",
            ["anonymous"] = anonymous ? "true" : "false",
            ["breakdown"] = "None",
            ["closeDate"] = "2099-01-01",
            ["audienceKind"] = "Departments",
            ["audienceValues"] = "SCI",
        });
        var surveyId = IdOf(preview);
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        using (Fixtures.InHomeTenant())
        {
            // What SendAsync writes before it queues the broadcast, and nothing after: the process died here.
            var store = bot.Services.GetRequiredService<SurveyStore>();
            var draft = (await store.FindAsync(surveyId, CancellationToken.None))!;
            await store.OpenAsync(draft, CancellationToken.None);
            await store.UpdateAsync(draft with { Status = SurveyStatus.Open }, CancellationToken.None);
            Assert.Null(await outbox.ReadProgressAsync(surveyId));
        }
        var again = await bot.ExecuteAsync(Admin, SurveyVerbs.Send, new { surveyId });
        Assert.DoesNotContain(voters, v => bot.Connector.Requests.Any(r => r.ConversationId == v.Persona.ConversationId));

        await bot.Services.GetRequiredService<SurveyCloser>().SweepOnceAsync(CancellationToken.None);
        await bot.Services.GetRequiredService<SurveyCloser>().SweepOnceAsync(CancellationToken.None);

        foreach (var (_, voter) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(voter.ConversationId);
        }
        using (Fixtures.InHomeTenant())
        {
            var deliveries = await outbox.ReadDeliveriesAsync(surveyId).ToListAsync();
            Assert.Equal(voters.Select(v => v.Persona.UserId).Order(StringComparer.Ordinal), deliveries.Select(d => d.UserId).Order(StringComparer.Ordinal));
        }
        await Task.Delay(500);
        Assert.All(voters, v => Assert.Single(bot.Connector.Requests, r => r.ConversationId == v.Persona.ConversationId && r.Route == ConnectorRoute.Send));
        Assert.Equal("application/vnd.microsoft.card.adaptive", TypeOf(await AnswerAsync(bot, voters[0].Persona, surveyId, ["4"])));
        Assert.Contains("already", TextOf(again), StringComparison.Ordinal);
    }
}
