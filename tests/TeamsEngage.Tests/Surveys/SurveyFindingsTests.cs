using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Surveys;

/// <summary>The administrator closes a survey and shares back what she found, as poll authors do.</summary>
public sealed class SurveyFindingsTests
{
    private const string Learned = "Most of you find the new gradebook quicker.";
    private const string NextSteps = "Short videos on grading rubrics arrive in January.";
    private const string Questions = "rating* | How is the gradebook working for you? | 1; 2; 3; 4; 5\ntext | What would you change?";

    [Fact]
    public async Task TheAuthorSharesFindingsOnceAndEveryoneAskedGetsTheTotalsInTheirLanguageButNoOpenAnswer()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        await bot.ExecuteAsync(voters[4].Persona, "profile.save", new { department = "SCI", language = "es" });
        var seen = new Seen();
        var surveyId = await ClosedSurveyAsync(bot, voters, anonymous: false);

        var composer = seen.Add("composer", Card(await bot.ExecuteAsync(Admin, SurveyVerbs.Findings, new { surveyId })));
        var preview = seen.Add("preview", Card(await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsPreview, new { surveyId, learned = Learned, nextSteps = NextSteps, withResults = "true" })));
        var shared = seen.Add("shared", Card(await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsSend, Data(preview))));

        Assert.Equal(["input:learned", "input:nextSteps", "input:withResults", "input:cites"], CardReading.BodyOutline(composer).Where(e => e.StartsWith("input:", StringComparison.Ordinal)));
        Assert.Contains("these findings go to the 6 people in the survey's audience", CardReading.Said(preview), StringComparison.Ordinal);
        var english = seen.Add("findings.en", await bot.FindingsCardAsync(voters[0].Persona, Learned));
        var spanish = seen.Add("findings.es", await bot.FindingsCardAsync(voters[4].Persona, Learned));
        var said = CardReading.Said(english);
        Assert.Contains(Learned, said, StringComparison.Ordinal);
        Assert.Contains(NextSteps, said, StringComparison.Ordinal);
        Assert.Contains("5 people answered", said, StringComparison.Ordinal);
        Assert.Contains("Average 3.6 · favourable (4–5): 60%", said, StringComparison.Ordinal);
        Assert.Contains("Most frequent words: class (3), list (3)", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Scrolling the class list is slow", english.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Lo que aprendimos", CardReading.Said(spanish), StringComparison.Ordinal);
        Assert.DoesNotContain("Share findings", CardReading.ActionTitles(shared));
        var status = seen.Add("results", await Eventually.ValueAsync(
            async () => await ResultsAsync(bot, Admin, surveyId),
            c => CardReading.Said(c).Contains("delivered to 6 of 6 people", StringComparison.Ordinal),
            "the findings' reach on the results card"));

        var again = await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsSend, new { surveyId, learned = "Something else", nextSteps = "Other plans" });
        Assert.Contains("already been shared", TextOf(again), StringComparison.Ordinal);
        Assert.Single(bot.FindingsCards(voters[0].Persona, Learned));
        await seen.AssertAllParseAsync();
    }

    [Fact]
    public async Task FindingsAreRefusedBeforeClosingToAnyoneButTheAuthorAndWithoutTextAndNothingIsSent()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var surveyId = await SendAsync(bot, Questions);
        var text = new { surveyId, learned = Learned, nextSteps = NextSteps };

        var whileOpen = await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsSend, text);
        await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId });
        var byMember = await bot.ExecuteAsync(voters[0].Persona, SurveyVerbs.FindingsSend, text);
        var empty = Card(await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsSend, new { surveyId, learned = "  ", nextSteps = NextSteps }));
        var unknownCite = Card(await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsPreview, new { surveyId, learned = Learned, nextSteps = NextSteps, cites = "FB-ZZZZZZ" }));

        Assert.Contains("once the survey has closed", TextOf(whileOpen), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", TypeOf(byMember));
        Assert.DoesNotContain(Learned, TextOf(byMember), StringComparison.Ordinal);
        Assert.Contains("Say what you learned and what you will do next.", CardReading.Said(empty), StringComparison.Ordinal);
        Assert.Contains("There is no feedback FB-ZZZZZZ.", CardReading.Said(unknownCite), StringComparison.Ordinal);
        Assert.Null((await bot.Services.GetRequiredService<SurveyStore>().FindAsync(surveyId, CancellationToken.None))!.Findings);
        Assert.Null(await bot.Services.GetRequiredService<IOutbox>().ReadProgressAsync(SurveyFindingsDesk.BroadcastId(surveyId)));
    }

    [Fact]
    public async Task AnAnonymousSurveysFindingsWithTooFewAnswersShowNoNumberAtAll()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var surveyId = await SendAsync(bot, Questions, anonymous: true);
        await Eventually.TrueAsync(() => voters.All(v => bot.SentTo(v.Persona).Count > 0), "the forms delivered");
        await AnswerAsync(bot, voters[0].Persona, surveyId, ["5", "Fine"]);
        await AnswerAsync(bot, voters[1].Persona, surveyId, ["2", "Slow"]);
        await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId });

        await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsSend, new { surveyId, learned = Learned, nextSteps = NextSteps, withResults = "true" });

        var card = await bot.FindingsCardAsync(voters[3].Persona, Learned);
        var said = string.Join('\n', CardReading.Texts(card).Where(t => !t.StartsWith("Shared ", StringComparison.Ordinal)))
            .Replace(Learned, "", StringComparison.Ordinal).Replace(NextSteps, "", StringComparison.Ordinal);
        Assert.Contains("Too few people answered", said, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", said.Replace("(fewer than 5)", "", StringComparison.Ordinal));
        Assert.DoesNotContain("Slow", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderThrottlingEachPersonAskedGetsTheFindingsExactlyOnce()
    {
        var voters = Voters("SCI", 4);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var surveyId = await SendAsync(bot, Questions);
        await Eventually.TrueAsync(() => voters.All(v => bot.SentTo(v.Persona).Count > 0), "the forms delivered");
        await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId });
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 2);

        await bot.ExecuteAsync(Admin, SurveyVerbs.FindingsSend, new { surveyId, learned = Learned, nextSteps = NextSteps, withResults = "false" });

        var records = await Eventually.ValueAsync(
            async () => await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(SurveyFindingsDesk.BroadcastId(surveyId)).ToListAsync(),
            r => r.Count == 5 && r.All(d => d.Status == DeliveryStatus.Sent),
            "every delivery sent");
        Assert.Equal(5, records.Select(r => r.PersonKey).Distinct().Count());
        Assert.All(voters, v => Assert.Single(bot.FindingsCards(v.Persona, Learned)));
        Assert.Contains(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.Send), r => r.ResponseStatus == 429);
    }

    private static async Task<string> ClosedSurveyAsync(BotApplication bot, (string Department, Persona Persona)[] voters, bool anonymous)
    {
        var surveyId = await SendAsync(bot, Questions, anonymous);
        await Eventually.TrueAsync(() => voters.All(v => bot.SentTo(v.Persona).Count > 0), "the forms delivered");
        string[] ratings = ["5", "4", "4", "2", "3"];
        string[] words = ["Scrolling the class list is slow", "The class list scrolling", "Rubrics are hard to find", "Class list loading", "Nothing"];
        for (var i = 0; i < voters.Length; i++)
        {
            await AnswerAsync(bot, voters[i].Persona, surveyId, [ratings[i], words[i]]);
        }
        var closed = Card(await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId }));
        Assert.Contains("Share findings", CardReading.ActionTitles(closed));
        return surveyId;
    }

    private static JsonNode Card(JsonObject response) => response["value"]!;

    private static JsonNode Data(JsonNode preview) => FindingsReading.SendData(preview, SurveyVerbs.FindingsSend);
}
