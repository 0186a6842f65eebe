using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>Who may press which poll button, checked on the server whatever the card's data says.</summary>
public sealed class PollAccessTests
{
    private const string NotAuthor = "Only the poll's author can do that.";
    private const string NotFound = "I cannot find that poll.";

    private static readonly Persona Lia = Persona.Create("Lia Liaison", "lia-liaison");
    private static readonly Persona OtherAdmin = Persona.Create("Omar Admin", "omar-admin");
    private static readonly Persona Member = Persona.Create("Mia Member", "mia-member");

    private static readonly object Composer = new { question = "Lunch?", options = "Pizza\nSalad", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" };

    [Fact]
    public async Task ALiaisonWhoIsNotTheAuthorIsRefusedSendCloseRemindAndResults()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var draftId = await DraftAsync(bot);

        var send = await bot.ExecuteAsync(Lia, PollVerbs.Send, new { pollId = draftId });
        var (pollId, _) = await ComposeAndSendAsync(bot, Composer);
        var close = await bot.ExecuteAsync(Lia, PollVerbs.Close, new { pollId });
        var remind = await bot.ExecuteAsync(Lia, PollVerbs.Remind, new { pollId });
        var results = await bot.ExecuteAsync(Lia, PollVerbs.Results, new { pollId, by = "department" });

        Assert.All([send, close, remind, results], r => Assert.Equal(NotAuthor, TextOf(r)));
        var polls = bot.Services.GetRequiredService<PollStore>();
        Assert.Equal(PollStatus.Draft, (await polls.FindAsync(draftId, CancellationToken.None))!.Status);
        var poll = (await polls.FindAsync(pollId, CancellationToken.None))!;
        Assert.Equal(PollStatus.Open, poll.Status);
        Assert.Null(poll.RemindedAt);
    }

    [Fact]
    public async Task AnotherAdministratorMayReadResultsButNotCloseSendOrRemind()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var draftId = await DraftAsync(bot);

        var send = await bot.ExecuteAsync(OtherAdmin, PollVerbs.Send, new { pollId = draftId });
        var (pollId, _) = await ComposeAndSendAsync(bot, Composer);
        var remind = await bot.ExecuteAsync(OtherAdmin, PollVerbs.Remind, new { pollId });
        var results = await bot.ExecuteAsync(OtherAdmin, PollVerbs.Results, new { pollId, by = "department" });
        var close = await bot.ExecuteAsync(OtherAdmin, PollVerbs.Close, new { pollId });

        Assert.Equal(NotAuthor, TextOf(send));
        Assert.Equal(NotAuthor, TextOf(remind));
        Assert.Equal(NotAuthor, TextOf(close));
        Assert.Contains("Lunch?", TextOf(results), StringComparison.Ordinal);
        var verbs = results["value"]!["actions"]!.AsArray().Select(a => a!["verb"]?.GetValue<string>()).ToList();
        Assert.Equal([PollVerbs.Results], verbs);
        var polls = bot.Services.GetRequiredService<PollStore>();
        Assert.Equal(PollStatus.Draft, (await polls.FindAsync(draftId, CancellationToken.None))!.Status);
        var poll = (await polls.FindAsync(pollId, CancellationToken.None))!;
        Assert.Equal(PollStatus.Open, poll.Status);
        Assert.Null(poll.RemindedAt);
    }

    [Fact]
    public async Task AMemberPressingAStaffOnlyPollButtonIsRefused()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var (pollId, _) = await ComposeAndSendAsync(bot, Composer);

        var answers = new[]
        {
            await bot.ExecuteAsync(Member, PollVerbs.Results, new { pollId }),
            await bot.ExecuteAsync(Member, PollVerbs.Close, new { pollId }),
            await bot.ExecuteAsync(Member, PollVerbs.Remind, new { pollId }),
        };

        Assert.All(answers, a => Assert.Equal("Polls are created by the IT team.", TextOf(a)));
        Assert.Equal(PollStatus.Open, (await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ADraftHasNoResultsAndCannotBeClosedOrRemindedEvenByItsAuthor()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var draftId = await DraftAsync(bot);

        foreach (var verb in new[] { PollVerbs.Results, PollVerbs.Close, PollVerbs.Remind })
        {
            Assert.StartsWith(NotFound, TextOf(await bot.ExecuteAsync(Admin, verb, new { pollId = draftId })), StringComparison.Ordinal);
        }
        Assert.Equal(PollStatus.Draft, (await bot.Services.GetRequiredService<PollStore>().FindAsync(draftId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ButtonDataOfTheWrongShapeGetsTheNotFoundSentence()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var (pollId, _) = await ComposeAndSendAsync(bot, Composer);

        var answers = new[]
        {
            await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId = 42 }),
            await bot.ExecuteAsync(Admin, PollVerbs.Results, new { poll = pollId }),
            await bot.ExecuteAsync(Member, PollVerbs.Vote, new { pollId = new[] { pollId }, choice = "0" }),
            await bot.ExecuteAsync(Member, PollVerbs.ChangeVote, new { }),
        };

        Assert.All(answers, a => Assert.StartsWith(NotFound, TextOf(a), StringComparison.Ordinal));
        Assert.Equal(PollStatus.Open, (await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AForgedCardThatNamesSomeoneElsesBallotIsNotTheirs()
    {
        await using var bot = await StartAsync();
        var (pollId, _) = await ComposeAndSendAsync(bot, Composer);
        await VoteAsync(bot, Member, pollId, "1");

        var change = await bot.ExecuteAsync(Lia, PollVerbs.ChangeVote, new { pollId, @for = Member.UserId });
        var refresh = await bot.ExecuteAsync(Lia, PollVerbs.Refresh, new { pollId, @for = Member.UserId });

        Assert.All([change, refresh], r => Assert.Contains("sent to someone else", TextOf(r), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMinimumGroupSizeBelowTwoStopsTheBotAtStartUpNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:Polls:MinGroupSize"] = "1" }));

        Assert.Contains("TeamsEngage:Polls:MinGroupSize must be at least 2.", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Ines administers and authors; Omar is a second administrator; Lia is SCI's liaison; Mia is in SCI.</summary>
    private static Task<BotApplication> StartAsync() => DirectorySeeding.StartAsync(
        departments: $"SCI department,SCI,{DirectorySeeding.EmailOf(Lia)},,24",
        people: $"{DirectorySeeding.EmailOf(Lia)},SCI,liaison,\n{DirectorySeeding.EmailOf(Member)},SCI,member,",
        administrators: [Admin, OtherAdmin],
        installed: [Admin, OtherAdmin, Lia, Member],
        settings: Outbox.OutboxHost.FastSettings());

    private static async Task<string> DraftAsync(BotApplication bot)
    {
        var preview = await bot.ExecuteAsync(Admin, PollVerbs.Preview, Composer);
        return preview["value"]!["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();
    }
}
