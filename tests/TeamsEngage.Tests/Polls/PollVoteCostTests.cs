using TeamsEngage.Conversations;
using TeamsEngage.Reporting;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// What a vote costs the store on an instance that has never seen the voter (restarted since the installs, or a new
/// instance of several): on Azure Tables each call is a round trip, and 10,000 people vote within a minute.
/// </summary>
public sealed class PollVoteCostTests
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AColdVoterCostsOneStoreReadAndOneWriteOnTheInvokesPath(bool anonymous)
    {
        var voters = Voters("SCI", 5);
        using var data = new TemporaryDirectory();
        var store = new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path };
        string pollId;
        await using (var first = await StartAsync(voters, store))
        {
            using var home = Fixtures.InHomeTenant();
            (pollId, _) = await ComposeAndSendAsync(first, new { question = "Lunch?", options = "Pizza\nSalad", anonymous = anonymous ? "true" : "false", closeDate = "2099-01-01", results = "Live" });
            foreach (var (_, voter) in voters)
            {
                await first.Connector.WaitForActivitiesAsync(voter.ConversationId);
            }
        }
        var counting = new CountingTableStore();
        var settings = new Dictionary<string, string?>(DirectorySeeding.Settings(administrators: [Admin]))
        {
            ["Storage:DataDirectory"] = data.Path,
            // The live tally and the poll are read again every two seconds by default; the test runs on a loaded machine.
            ["TeamsEngage:Polls:TallyCacheDuration"] = "00:01:00",
            ["TeamsEngage:Polls:PollCacheDuration"] = "00:01:00",
        };
        await using var restarted = await BotApplication.StartAsync(settings, services: counting.Around);
        using var tenant = Fixtures.InHomeTenant();
        // The instance's first vote on this poll reads what stays fixed while it is open; later voters find it cached.
        Assert.Equal(CardType, TypeOf(await VoteAsync(restarted, voters[0].Persona, pollId, "0")));
        counting.Clear();

        var vote = await VoteAsync(restarted, voters[1].Persona, pollId, "1");

        Assert.Equal(CardType, TypeOf(vote));
        var onPath = counting.OnRequestPath;
        Assert.True(onPath.Count(c => c.IsRead) <= 1, "Reads on the invoke's path: " + Describe(onPath));
        Assert.True(onPath.Count(c => !c.IsRead) <= 1, "Writes on the invoke's path: " + Describe(onPath));
        // The conversation reference is still checked, after the answer, and the first answer still reaches the reports.
        await Eventually.TrueAsync(() => counting.Calls.Any(c => c.Table == ConversationReferenceStore.TableName && !c.OnRequestPath), "the voter's conversation reference is checked off the invoke's path");
        await Eventually.TrueAsync(() => counting.Calls.Any(c => c.Table == FigureStore.TableName && !c.IsRead && !c.OnRequestPath), "the first answer is added to the report figures off the invoke's path");
    }

    private static string Describe(IEnumerable<StoreCall> calls) => string.Join(", ", calls.Select(c => c.Table + "." + c.Operation));
}
