using TeamsEngage.Testing.Waiting;
using TeamsEngage.Features.Polls;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Surveys;

public sealed class SurveyParticipationTests
{
    [Fact]
    public async Task TheWeeklyCapCountsPollsAndSurveysTogether()
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters, new Dictionary<string, string?> { ["TeamsEngage:Polls:MaxPerPersonPerWeek"] = "1" });
        using var home = Fixtures.InHomeTenant();
        await ComposeAndSendAsync(bot, new { question = "Lunch?", options = "Pizza\nSalad", closeDate = "2099-01-01", audienceKind = "Departments", audienceValues = "SCI" });
        foreach (var (_, voter) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(voter.ConversationId);
        }

        var surveyId = await SendAsync(bot, "text | Anything else?");
        var results = await Eventually.ValueAsync(() => ResultsAsync(bot, Admin, surveyId), c => CardReading.Said(c).Contains("people were left out", StringComparison.Ordinal), "the capped survey's results");

        Assert.Contains("3 people were left out: they already received the most polls and surveys allowed this week.", CardReading.Said(results), StringComparison.Ordinal);
        var answer = await AnswerAsync(bot, voters[0].Persona, surveyId, ["Yes"]);
        Assert.Contains("This survey was not sent to you.", TextOf(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuthorSeesWhoAnsweredByGroupWithSmallGroupsHiddenAndRemindsTheUnderRepresentedOnce()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 6), .. Voters("ART", 6), .. Voters("PE", 4)];
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var surveyId = await SendAsync(bot, "rating | How is it? | 1; 2; 3; 4; 5");
        foreach (var (_, voter) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(voter.ConversationId);
        }
        foreach (var (_, voter) in voters.Where(v => v.Department == "SCI").Take(5).Concat(voters.Where(v => v.Department == "ART").Take(1)))
        {
            await AnswerAsync(bot, voter, surveyId, ["4"]);
        }

        var results = CardReading.Said(await ResultsAsync(bot, Admin, surveyId));
        var reminded = await bot.ExecuteAsync(Admin, SurveyVerbs.RemindGroups, new { surveyId });
        var again = await bot.ExecuteAsync(Admin, SurveyVerbs.RemindGroups, new { surveyId });

        Assert.Contains("SCI (By department): 5 of 6 answered", results, StringComparison.Ordinal);
        Assert.Contains("ART (By department): 1 of 6 answered · under-represented", results, StringComparison.Ordinal);
        Assert.DoesNotContain("PE (By department): 0 of 4", results, StringComparison.Ordinal);
        Assert.Contains("PE (By department): hidden", results, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", TypeOf(reminded));
        Assert.Contains("already reminded", TextOf(again), StringComparison.Ordinal);
        var art = voters.Where(v => v.Department == "ART").Select(v => v.Persona).ToList();
        foreach (var waiting in art.Skip(1))
        {
            await bot.Connector.WaitForActivitiesAsync(waiting.ConversationId, 2);
        }
        Assert.Single(bot.SentTo(art[0]));
        Assert.Single(bot.SentTo(voters.First(v => v.Department == "SCI").Persona));
    }
}
