using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

public sealed class PollLifecycleTests
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private const string MessageType = "application/vnd.microsoft.activity.message";

    [Fact]
    public async Task APollGoesFromCreationToResultsWithChangedVotesCountedOnce()
    {
        var voters = Voters("SCI", 4);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();

        await bot.SayAsync(Admin, "poll \"Which training time works best?\" \"Monday 3pm\" \"Wednesday 3pm\"");
        var preview = SentCards.CardOf(Assert.Single(bot.SentTo(Admin)));
        var pollId = preview["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();
        var sent = await bot.ExecuteAsync(Admin, PollVerbs.Send, new { pollId });
        Assert.Equal(CardType, TypeOf(sent));
        foreach (var (_, voter) in voters)
        {
            var ballot = SentCards.CardOf(Assert.Single(await bot.Connector.WaitForActivitiesAsync(voter.ConversationId)));
            Assert.Contains("Which training time works best?", SentCards.AllText(ballot), StringComparison.Ordinal);
        }
        // The audience is everyone, the author included: the preview and their own ballot.
        await bot.Connector.WaitForActivitiesAsync(Admin.ConversationId, 2);
        await bot.WaitUntilRecordedAsync(pollId);

        var first = await VoteAsync(bot, voters[0].Persona, pollId, "0");
        await VoteAsync(bot, voters[1].Persona, pollId, "0");
        await VoteAsync(bot, voters[2].Persona, pollId, "1");
        var changed = await VoteAsync(bot, voters[0].Persona, pollId, "1");

        Assert.Equal(CardType, TypeOf(first));
        Assert.Equal(PollVerbs.ChangeVote, first["value"]!["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal([voters[0].Persona.UserId], first["value"]!["refresh"]!["userIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Wednesday 3pm", changed["value"]!["body"]!.ToJsonString(), StringComparison.Ordinal);

        var closed = await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        var results = TextOf(closed);
        Assert.Contains("3 of 5 people reached have answered", results, StringComparison.Ordinal);
        Assert.Contains("1 (33%)", results, StringComparison.Ordinal);
        Assert.Contains("2 (67%)", results, StringComparison.Ordinal);
        Assert.Contains("This poll is closed.", results, StringComparison.Ordinal);

        var rows = await ReadVotesAsync(bot, pollId);
        Assert.Equal(3, rows.Count);
        var late = await VoteAsync(bot, voters[3].Persona, pollId, "0");
        Assert.Equal(MessageType, TypeOf(late));
        Assert.Contains("closed", TextOf(late), StringComparison.Ordinal);
        Assert.Equal(3, (await ReadVotesAsync(bot, pollId)).Count);
    }

    [Fact]
    public async Task ForgedUnknownAndUninvitedVotesAreRefusedAndChangeNothing()
    {
        var voters = Voters("SCI", 2);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Lunch?", options = "Pizza\nSalad", closeDate = "2099-01-01", closeTime = "12:00", results = "Live" });
        await VoteAsync(bot, voters[0].Persona, pollId, "0");

        var forged = await VoteAsync(bot, voters[1].Persona, pollId, "1", cardOwner: voters[0].Persona);
        var unknown = await VoteAsync(bot, voters[1].Persona, pollId, "7");
        var several = await VoteAsync(bot, voters[1].Persona, pollId, "0,1");
        var uninvited = await VoteAsync(bot, Persona.Create("Stranger", "stranger"), pollId, "0");
        var noPoll = await VoteAsync(bot, voters[1].Persona, "ffffffffffffffffffffffffffffffff", "0");

        Assert.Contains("sent to someone else", TextOf(forged), StringComparison.Ordinal);
        Assert.Contains("not one of the poll's options", TextOf(unknown), StringComparison.Ordinal);
        Assert.Contains("not one of the poll's options", TextOf(several), StringComparison.Ordinal);
        Assert.Contains("not sent to you", TextOf(uninvited), StringComparison.Ordinal);
        Assert.Contains("cannot find that poll", TextOf(noPoll), StringComparison.Ordinal);
        var row = Assert.Single(await ReadVotesAsync(bot, pollId));
        Assert.Equal("0", row.GetString("Choices"));
        Assert.Equal(voters[0].Persona.UserId, row.GetString("UserId"));
    }

    [Fact]
    public async Task AnonymousVotesAreStoredWithoutAnythingThatLeadsBackToAPerson()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Honest feedback?", options = "Good\nBad", anonymous = "true", closeDate = "2099-01-01", results = "AfterClose" });

        foreach (var (_, voter) in voters)
        {
            Assert.Equal(CardType, TypeOf(await VoteAsync(bot, voter, pollId, "1")));
        }
        Assert.Equal(CardType, TypeOf(await VoteAsync(bot, voters[0].Persona, pollId, "0")));
        var store = bot.Services.GetRequiredService<ITableStore>();
        Assert.NotNull(await store.Table(PollStore.PollsTable).GetAsync(pollId, "secret"));
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });

        var rows = await ReadVotesAsync(bot, pollId);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["0", "1", "1", "1", "1"], rows.Select(r => r.GetString("Choices")).Order());
        var identities = voters.SelectMany(v => new[] { v.Persona.UserId, v.Persona.AadObjectId, DirectorySeeding.KeyOf(v.Persona), v.Persona.Name, DirectorySeeding.EmailOf(v.Persona) }).ToList();
        foreach (var row in rows)
        {
            var everything = row.RowKey + "|" + string.Join('|', row.Properties.Select(p => p.Key + "=" + Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(identities, id => Assert.DoesNotContain(id, everything, StringComparison.OrdinalIgnoreCase));
            // No breakdown was chosen, so not even a department is kept.
            Assert.Equal(["Choices"], row.Properties.Keys.Order(StringComparer.Ordinal));
        }
        // With the poll's secret destroyed, the keyed hashes cannot be recomputed, so they cannot be tested against people.
        Assert.Null(await store.Table(PollStore.PollsTable).GetAsync(pollId, "secret"));
    }

    [Fact]
    public async Task AnAnonymousBreakdownShowsNothingWhileOpenAndAfterClosingNamesNoDepartmentSmallerThanTheMinimum()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 5), .. Voters("MATH", 6), .. Voters("ART", 3)];
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Laptops or tablets?", options = "Laptops\nTablets", anonymous = "true", breakdown = "department", closeDate = "2099-01-01" });
        foreach (var (_, voter) in voters)
        {
            await VoteAsync(bot, voter, pollId, "0");
        }

        var whileOpen = TextOf(await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId, by = "department" }));
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        var forgedRole = TextOf(await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId, by = "role" }));
        var byDepartment = await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId, by = "department" });

        Assert.Contains("14 of ", whileOpen, StringComparison.Ordinal);
        Assert.Contains("only after it closes", whileOpen, StringComparison.Ordinal);
        Assert.DoesNotContain("Laptops: ", whileOpen, StringComparison.Ordinal);
        Assert.DoesNotContain("By role", forgedRole, StringComparison.Ordinal);
        var facts = byDepartment["value"]!["body"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "FactSet")
            .ToDictionary(e => e!["facts"]![0]!["title"]!.GetValue<string>(), e => e!["facts"]![0]!["value"]!.GetValue<string>());
        // ART (3) and the administrator without a department make 4, too few to stand apart, so SCI joins them.
        Assert.Equal(["MATH", "Smaller groups together"], facts.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("6 answered", facts["MATH"], StringComparison.Ordinal);
        Assert.StartsWith("8 answered", facts["Smaller groups together"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClosedPollIsClosedByTheSweepAtItsClosingTimeAndItsCardsShowTheResults()
    {
        var voters = Voters("SCI", 2);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Soon closed?", options = "Yes\nNo", closeDate = "2099-01-01", results = "AfterClose" });
        await bot.Connector.WaitForActivitiesAsync(voters[1].Persona.ConversationId);
        await VoteAsync(bot, voters[0].Persona, pollId, "0");
        var polls = bot.Services.GetRequiredService<PollStore>();
        var poll = (await polls.FindAsync(pollId, CancellationToken.None))!;
        var due = await polls.UpdateAsync(poll with { Spec = poll.Spec with { ClosesAt = DateTimeOffset.UtcNow.AddSeconds(-1) } }, CancellationToken.None);
        await polls.OpenAsync(due, CancellationToken.None);

        var closed = await bot.Services.GetRequiredService<PollCloser>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(1, closed);
        Assert.Equal(PollStatus.Closed, (await polls.FindAsync(pollId, CancellationToken.None))!.Status);
        var updates = await bot.Connector.WaitForAsync(r => r.Route == TeamsEngage.Testing.Connector.ConnectorRoute.Update && r.Succeeded, 2);
        Assert.All(updates, u => Assert.Contains("Results (1 vote)", u.Body, StringComparison.Ordinal));
    }

    private static async Task<List<StoreEntity>> ReadVotesAsync(BotApplication bot, string pollId)
    {
        var table = bot.Services.GetRequiredService<ITableStore>().Table(VoteStore.TableName);
        var rows = new List<StoreEntity>();
        await foreach (var row in table.QueryAllAsync(pollId))
        {
            rows.Add(row);
        }
        return rows;
    }
}
