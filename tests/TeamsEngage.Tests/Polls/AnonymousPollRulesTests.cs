using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// The rules `docs/polls.md` states for anonymous polls and for the "never" results choice, each played through the
/// bot as the person who would notice: a voter reading their card, the author reading results, someone with the store.
/// </summary>
public sealed class AnonymousPollRulesTests
{
    [Fact]
    public async Task AnAnonymousPollAskedForLiveResultsShowsVotersNoCountWhileItIsOpen()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Honest feedback?", options = "Good\nBad", anonymous = "true", closeDate = "2099-01-01", results = "Live" });

        string last = string.Empty;
        foreach (var (_, voter) in voters)
        {
            last = TextOf(await VoteAsync(bot, voter, pollId, "0"));
        }

        Assert.Contains("Your answer", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Results (", last, StringComparison.Ordinal);
        Assert.Contains("Results will be shown when the poll closes.", last, StringComparison.Ordinal);
        using (Fixtures.InHomeTenant())
        {
            var stored = await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None);
            Assert.Equal(ResultsVisibility.AfterClose, stored!.Spec.Results);
        }
    }

    [Fact]
    public async Task WhenFewerThanTheMinimumAnswerEveryoneIsToldTooFewAnsweredAfterClosingAndNoCountIsShown()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Honest feedback?", options = "Good\nBad", anonymous = "true", closeDate = "2099-01-01", results = "AfterClose" });
        foreach (var (_, voter) in voters.Take(4))
        {
            await VoteAsync(bot, voter, pollId, "1");
        }
        await bot.Connector.WaitForActivitiesAsync(voters[5].Persona.ConversationId);

        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        var author = TextOf(await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId }));
        var closedCards = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, voters.Length);

        Assert.Contains("Too few people answered", author, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad: ", author, StringComparison.Ordinal);
        Assert.All(closedCards, card =>
        {
            Assert.Contains("Too few people answered", card.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Results (", card.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AfterAnAnonymousPollClosesAVotersCardNoLongerShowsTheirOwnChoice()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Honest feedback?", options = "Keep it\nDrop it", anonymous = "true", closeDate = "2099-01-01", results = "AfterClose" });
        foreach (var (_, voter) in voters)
        {
            Assert.Contains("Your answer", TextOf(await VoteAsync(bot, voter, pollId, "0")), StringComparison.Ordinal);
        }

        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        var closedCards = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, voters.Length);
        var refreshed = TextOf(await bot.ExecuteAsync(voters[0].Persona, PollVerbs.Refresh, new { pollId, @for = voters[0].Persona.UserId }));

        Assert.All(closedCards, card =>
        {
            Assert.DoesNotContain("Your answer", card.Body, StringComparison.Ordinal);
            Assert.Contains("Results (5 votes)", card.Body, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Your answer", refreshed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithResultsKeptByTheAuthorVotersSeeNoCountEvenAfterClosingAndTheAuthorDoes()
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which room?", options = "Library\nGym", closeDate = "2099-01-01", results = "Never" });
        foreach (var (_, voter) in voters)
        {
            var voted = TextOf(await VoteAsync(bot, voter, pollId, "1"));
            Assert.DoesNotContain("Results (", voted, StringComparison.Ordinal);
        }

        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        var closedCards = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, voters.Length);
        var author = TextOf(await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId }));

        Assert.All(closedCards, card => Assert.DoesNotContain("Results (", card.Body, StringComparison.Ordinal));
        Assert.Contains("Results (3 votes)", author, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVoteRowKeepsOnlyTheChosenBreakdownAndASmallDepartmentIsStoredAsTheSharedGroup()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 5), .. Voters("MATH", 6), .. Voters("ART", 3)];
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Laptops or tablets?", options = "Laptops\nTablets", anonymous = "true", breakdown = "department", closeDate = "2099-01-01" });
        foreach (var (department, voter) in voters)
        {
            await VoteAsync(bot, voter, pollId, department == "ART" ? "1" : "0");
        }

        using var home = Fixtures.InHomeTenant();
        var rows = new List<StoreEntity>();
        await foreach (var row in bot.Services.GetRequiredService<ITableStore>().Table(VoteStore.TableName).QueryAllAsync(pollId))
        {
            rows.Add(row);
        }

        Assert.Equal(voters.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(["Choices", "Department"], row.Properties.Keys.Order(StringComparer.Ordinal)));
        var groups = rows.GroupBy(r => r.GetString("Department")!).ToDictionary(g => g.Key, g => g.Count());
        // ART (3) and the administrator without a department make 4 in the audience, too few to stand apart, so the
        // next-smallest department, SCI, is stored in the shared group with them: only MATH is named on any row.
        Assert.Equal(2, groups.Count);
        Assert.Equal(6, groups["MATH"]);
        Assert.Equal(8, groups[PollDisclosure.OtherGroup]);
        Assert.All(rows.Where(r => r.GetString("Choices") == "1"), r => Assert.Equal(PollDisclosure.OtherGroup, r.GetString("Department")));
    }
}
