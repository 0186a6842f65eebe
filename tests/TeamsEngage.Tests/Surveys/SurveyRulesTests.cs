using TeamsEngage.Storage;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Surveys;

public sealed class SurveyRulesTests
{
    // 9 open answers (540 s), 3 single choices (36 s) and 3 likelihoods (24 s): exactly ten minutes.
    private static readonly string TenMinutes = string.Join('\n', [
        .. Enumerable.Range(1, 9).Select(i => $"text | Open {i}?"),
        .. Enumerable.Range(1, 3).Select(i => $"choice | Pick {i}? | A; B"),
        .. Enumerable.Range(1, 3).Select(i => $"0-10 | Likely {i}?"),
    ]);

    [Fact]
    public async Task ASurveyOfExactlyTenMinutesIsAllowedAndOneSecondMoreIsRefusedNamingTheQuestionsToCut()
    {
        await using var bot = await StartAsync(Voters("SCI", 2));
        using var home = Fixtures.InHomeTenant();
        var oneSecondMore = TenMinutes.Replace("0-10 | Likely 3?", "rating | Likely 3? | 1; 2; 3; 4; 5", StringComparison.Ordinal);

        var allowed = await PreviewAsync(bot, Admin, Composer(TenMinutes));
        var refused = await PreviewAsync(bot, Admin, Composer(oneSecondMore));

        Assert.Contains("Estimated time 10:00 · 15 questions", CardReading.Said(allowed["value"]!), StringComparison.Ordinal);
        Assert.Equal(SurveyVerbs.Send, allowed["value"]!["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Contains("This survey would take about 10:01 minutes, over ten. Cut questions 9 to keep it within ten minutes.", CardReading.Said(refused["value"]!), StringComparison.Ordinal);
        Assert.Equal(SurveyVerbs.Preview, refused["value"]!["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Single(await Polls.PollStoreRows.ReadAsync(bot, SurveyStore.SurveysTable, IdOf(allowed)));
    }

    [Fact]
    public async Task ForgedUninvitedInvalidAndIncompleteAnswersAreRefusedAndChangeNothing()
    {
        var voters = Voters("SCI", 2);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var surveyId = await SendAsync(bot, "rating* | How is it? | 1; 2; 3; 4; 5\nchoice | Which? | A; B\ntext | Why?");
        await AnswerAsync(bot, voters[0].Persona, surveyId, ["4", "0", "Fine"]);

        var forged = await AnswerAsync(bot, voters[1].Persona, surveyId, ["1", null, null], cardOwner: voters[0].Persona);
        var outOfRange = await AnswerAsync(bot, voters[1].Persona, surveyId, ["6", null, null]);
        var twoChoices = await AnswerAsync(bot, voters[1].Persona, surveyId, ["3", "0,1", null]);
        var required = await AnswerAsync(bot, voters[1].Persona, surveyId, [null, "1", "Because"]);
        var uninvited = await AnswerAsync(bot, Persona.Create("Stranger", "stranger"), surveyId, ["3", null, null]);
        var noSurvey = await AnswerAsync(bot, voters[1].Persona, "ffffffffffffffffffffffffffffffff", ["3", null, null]);
        var memberResults = await bot.ExecuteAsync(voters[1].Persona, SurveyVerbs.Results, new { surveyId });
        var memberCommand = await bot.ExecuteAsync(voters[1].Persona, SurveyVerbs.Close, new { surveyId });

        Assert.Contains("This card was sent to someone else. Nothing was saved.", TextOf(forged), StringComparison.Ordinal);
        Assert.Contains("The answer to question 1 is not one it offers. Nothing was saved.", TextOf(outOfRange), StringComparison.Ordinal);
        Assert.Contains("The answer to question 2 is not one it offers.", TextOf(twoChoices), StringComparison.Ordinal);
        Assert.Contains("Please answer the required questions: 1. Nothing was saved.", TextOf(required), StringComparison.Ordinal);
        Assert.Contains("This survey was not sent to you.", TextOf(uninvited), StringComparison.Ordinal);
        Assert.Contains("I cannot find that survey.", TextOf(noSurvey), StringComparison.Ordinal);
        Assert.Contains("Only IT staff can create and manage surveys.", TextOf(memberResults), StringComparison.Ordinal);
        Assert.Contains("Only IT staff can create and manage surveys.", TextOf(memberCommand), StringComparison.Ordinal);
        var row = Assert.Single(await Polls.PollStoreRows.ReadAsync(bot, SurveyStore.AnswersTable, surveyId));
        Assert.Equal("[\"4\",\"0\",\"Fine\"]", row.GetString("Answers"));
    }

    [Fact]
    public async Task AMemberCannotStartOrPreviewASurvey()
    {
        var voters = Voters("SCI", 2);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();

        await bot.SayAsync(voters[0].Persona, "survey");
        var preview = await PreviewAsync(bot, voters[0].Persona, Composer("text | Why?"));

        Assert.DoesNotContain(bot.SentTo(voters[0].Persona), a => System.Text.Json.JsonSerializer.Serialize(a).Contains(SurveyVerbs.Template, StringComparison.Ordinal));
        Assert.Contains("Only IT staff can create and manage surveys.", TextOf(preview), StringComparison.Ordinal);
        Assert.Empty(await Polls.PollStoreRows.ReadAsync(bot, SurveyStore.SurveysTable, "~open"));
    }

    [Fact]
    public async Task AnAnonymousSurveyToFewerPeopleThanTheMinimumGroupIsRefusedAtPreview()
    {
        await using var bot = await StartAsync(Voters("SCI", 3));
        using var home = Fixtures.InHomeTenant();
        var values = Composer("rating | How is it? | 1; 2; 3; 4; 5");
        values["anonymous"] = "true";
        values["audienceKind"] = "Departments";
        values["audienceValues"] = "SCI";

        var refused = await PreviewAsync(bot, Admin, values);

        Assert.Contains("An anonymous survey needs at least 5 people", CardReading.Said(refused["value"]!), StringComparison.Ordinal);
        Assert.Equal(SurveyVerbs.Preview, refused["value"]!["actions"]![0]!["verb"]!.GetValue<string>());
    }

    private static Dictionary<string, string?> Composer(string questions) => new()
    {
        ["title"] = "Pulse",
        ["questions"] = questions,
        ["closeDate"] = "2099-01-01",
        ["audienceKind"] = "Everyone",
    };
}
