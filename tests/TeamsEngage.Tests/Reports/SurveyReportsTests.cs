using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Reporting;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Reports.ReportSignIn;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Reports;

/// <summary>Surveys on the dashboard: their participation next to the polls', and their results as their results card shows them.</summary>
public sealed partial class SurveyReportsTests
{
    private const string Rating = "rating | How is it going? | Very badly; Badly; Okay; Well; Very well";

    [Fact]
    public async Task ParticipationCountsPollsSurveysOrBothAndAChangedSurveyAnswerOnlyOnce()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 6), .. Voters("ART", 6)];
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI,ART", closeDate = "2099-01-01" });
        var surveyId = await SendAsync(bot, Rating, audienceKind: "Departments", audienceValues: "SCI,ART");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, PollCounters.Area), r => r.District[PollCounters.Asked] == 12, "the poll's 12 recipients counted");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 12, "the survey's 12 recipients counted");
        foreach (var voter in voters.Where(v => v.Department == "SCI").Take(4).Concat(voters.Where(v => v.Department == "ART").Take(3)))
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", TypeOf(await AnswerAsync(bot, voter.Persona, surveyId, ["4"])));
        }
        await AnswerAsync(bot, voters[0].Persona, surveyId, ["2"]);
        await VoteAsync(bot, voters[0].Persona, pollId, "0");
        await VoteAsync(bot, voters[^1].Persona, pollId, "1");
        var cookie = await SignInAsync(bot, Admin);

        var surveys = await PageAsync(bot, cookie, "/reports/participation?asks=surveys");
        var polls = await PageAsync(bot, cookie, "/reports/participation?asks=polls");
        var both = await PageAsync(bot, cookie, "/reports/participation");

        Assert.Equal(7, (await FigureRows.ReadAsync(bot, SurveyCounters.Area)).District[SurveyCounters.Answered]);
        Assert.Equal(("12", "7"), (Tile(surveys, "Asked"), Tile(surveys, "Answered")));
        Assert.Equal(["SCI", "6", "4", "67%"], Rows(surveys, "by-department").Single(r => r[0] == "SCI"));
        Assert.Equal(["ART", "6", "3", "50%"], Rows(surveys, "by-department").Single(r => r[0] == "ART"));
        Assert.Equal(("12", "2"), (Tile(polls, "Asked"), Tile(polls, "Answered")));
        Assert.Equal(("24", "9"), (Tile(both, "Asked"), Tile(both, "Answered")));
        Assert.Equal(["SCI", "12", "5", "42%"], Rows(both, "by-department").Single(r => r[0] == "SCI"));
        Assert.Equal(["Members", "24", "9", "38%"], Rows(both, "by-role").Single());
        Assert.Contains("Counted here: Surveys.", surveys, StringComparison.Ordinal);
        Assert.Contains("Counted here: Polls and surveys.", both, StringComparison.Ordinal);
        // The filters form and every link keep the choice, as they keep the dates and the department.
        Assert.Matches(KeptChoice(), surveys);
        Assert.Matches(@"<option value=""surveys"" selected", surveys);
    }

    [Fact]
    public async Task ASurveyAskedOfFewerThanTheMinimumHidesBothTogetherAndSaysToChooseThePollsAlone()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 6), .. Voters("ART", 3)];
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI,ART", closeDate = "2099-01-01" });
        var surveyId = await SendAsync(bot, Rating, audienceKind: "Departments", audienceValues: "ART");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, PollCounters.Area), r => r.District[PollCounters.Asked] == 9, "the poll's recipients counted");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 3, "the survey's recipients counted");
        await AnswerAsync(bot, voters[^1].Persona, surveyId, ["5"]);
        await VoteAsync(bot, voters[0].Persona, pollId, "0");
        var cookie = await SignInAsync(bot, Admin);

        var both = await PageAsync(bot, cookie, "/reports/participation");
        var polls = await PageAsync(bot, cookie, "/reports/participation?asks=polls");

        Assert.Equal(("0", "0"), (Tile(both, "Asked"), Tile(both, "Answered")));
        Assert.Empty(Rows(both, "by-department"));
        Assert.Contains("Surveys: fewer than 5 people were asked in this period.", WebUtility.HtmlDecode(both), StringComparison.Ordinal);
        Assert.Equal(("9", "1"), (Tile(polls, "Asked"), Tile(polls, "Answered")));
    }

    [Fact]
    public async Task APageOfSurveyRecipientsRecordedAgainByAResumedBroadcastIsNotCountedTwice()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var surveyId = await SendAsync(bot, Rating, audienceKind: "Departments", audienceValues: "SCI");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 6, "the survey's recipients counted");
        var spec = TeamsEngage.Outbox.OutboxPayload.Serialize(new SurveyAudienceSpec(surveyId, new TeamsEngage.People.Audience(TeamsEngage.People.AudienceKind.Departments, ["SCI"]), DateTimeOffset.UtcNow, []));

        using (Fixtures.InHomeTenant())
        {
            // The outbox's writer, resumed after a crash, reads the first page of the audience again.
            var page = await bot.Services.GetRequiredService<SurveyBroadcastAudience>().NextAsync(spec, null, 100, CancellationToken.None);
            Assert.Equal(6, page.Recipients.Count);
        }

        var figures = await FigureRows.ReadAsync(bot, SurveyCounters.Area);
        Assert.Equal(6, figures.District[SurveyCounters.Asked]);
        Assert.Equal(6, figures.Of("dept", "SCI")[SurveyCounters.Asked]);
        Assert.Equal(6, figures.Of("role", "member")[SurveyCounters.Asked]);
        Assert.Equal(6, figures.Of("survey", surveyId)[SurveyCounters.Asked]);
    }

    [Fact]
    public async Task TheSurveysPageShowsEachQuestionAsTheResultsCardDoesAndNeverAnOpenAnswer()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var surveyId = await SendAsync(bot, string.Join('\n', "choice | Which tool? | Teams; Email; Paper", Rating, "0-10 | Would you recommend it?", "text | Anything else?"),
            audienceKind: "Departments", audienceValues: "SCI");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 6, "the survey's recipients counted");
        string?[][] answers =
        [
            ["0", "4", "9", "The wifi is slow in room 12"], ["0", "5", "10", "wifi slow again"], ["1", "3", "7", "Need more wifi"],
            ["0", "4", "8", "more training please"], ["2", "2", "9", "training would help"], ["1", "5", "3", "wifi fine"],
        ];
        for (var i = 0; i < voters.Length; i++)
        {
            await AnswerAsync(bot, voters[i].Persona, surveyId, answers[i]);
        }
        var card = CardReading.Said(await ResultsAsync(bot, Admin, surveyId));
        var cookie = await SignInAsync(bot, Admin);

        var page = await PageAsync(bot, cookie, $"/reports/surveys?survey={surveyId}");
        var csv = (await (await GetAsync(bot, cookie, $"/reports/surveys/q1.csv?survey={surveyId}")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal(["Pulse", "Open", Today(), "6", "6", "100%"], Rows(page, "surveys").Single());
        Assert.Equal(("6", "6", "100%"), (Tile(page, "Audience"), Tile(page, "Answered"), Tile(page, "Answer rate")));
        foreach (var row in Rows(page, "q1").Concat(Rows(page, "q2")).Concat(Rows(page, "q3")))
        {
            Assert.Contains($"{row[0]}: {row[1]} ({row[2]})", card, StringComparison.Ordinal);
        }
        Assert.Equal(["Teams", "3", "50%"], Rows(page, "q1")[0]);
        Assert.Contains($"Average {Tile(page, "Average")} · favourable (4–5): {Tile(page, "favourable (4–5)")}", card, StringComparison.Ordinal);
        Assert.Contains("Average 3.8 · favourable (4–5): 67%", card, StringComparison.Ordinal);
        Assert.Contains($"Average {Tile(page, "Average", 1)} · promoters (9–10): {Tile(page, "promoters (9–10)")}", card, StringComparison.Ordinal);
        var words = Rows(page, "q4").Select(r => $"{r[0]} ({r[1]})").ToList();
        Assert.NotEmpty(words);
        Assert.Contains("Most frequent words: " + string.Join(", ", words), card, StringComparison.Ordinal);
        Assert.Contains("The wifi is slow in room 12", card, StringComparison.Ordinal);
        Assert.DoesNotContain("room 12", page, StringComparison.Ordinal);
        Assert.DoesNotContain("training would help", page, StringComparison.Ordinal);
        Assert.StartsWith("Answer,Count,Share\r\nTeams,3,50%\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"q2-alt\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingSurveysCountsTheirAnswersFromTheFiguresWithoutReadingASingleAnswer()
    {
        var voters = Voters("SCI", 6);
        var counting = new Testing.Storage.CountingTableStore();
        await using var bot = await ReportWorld.StartAskingAsync(voters, services: counting.Around);
        var older = await SendAsync(bot, Rating, audienceKind: "Departments", audienceValues: "SCI");
        var newer = await SendAsync(bot, Rating, audienceKind: "Departments", audienceValues: "SCI");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 12, "both surveys' recipients counted");
        foreach (var (_, voter) in voters.Take(4))
        {
            await AnswerAsync(bot, voter, older, ["4"]);
        }
        await AnswerAsync(bot, voters[0].Persona, older, ["2"]);
        foreach (var (_, voter) in voters.Skip(4))
        {
            await AnswerAsync(bot, voter, newer, ["5"]);
        }
        var cookie = await SignInAsync(bot, Admin);
        counting.Clear();

        var page = await PageAsync(bot, cookie, "/reports/surveys");

        Assert.Equal([["6", "2", "33%"], ["6", "4", "67%"]], Rows(page, "surveys").Select(r => new[] { r[3], r[4], r[5] }));
        Assert.DoesNotContain(counting.Calls, c => c.Table == SurveyStore.AnswersTable);
    }

    [Fact]
    public async Task AnAnonymousSurveyAnsweredByFewerThanTheMinimumShowsNoNumberOfItsAnswers()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 6), .. Voters("ART", 6)];
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var surveyId = await SendAsync(bot, Rating, anonymous: true, audienceKind: "Departments", audienceValues: "SCI,ART");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 12, "the survey's recipients counted");
        foreach (var (_, voter) in voters.Take(3))
        {
            await AnswerAsync(bot, voter, surveyId, ["5"]);
        }
        var cookie = await SignInAsync(bot, Admin);
        var open = await PageAsync(bot, cookie, $"/reports/surveys?survey={surveyId}");
        await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId });

        var closed = await PageAsync(bot, cookie, $"/reports/surveys?survey={surveyId}");

        foreach (var page in new[] { open, closed })
        {
            Assert.Equal(["Pulse", "withheld", "withheld"], [.. Rows(page, "surveys").Single() is var row ? new[] { row[0], row[4], row[5] } : []]);
            Assert.Equal(("12", "withheld", "withheld"), (Tile(page, "Audience"), Tile(page, "Answered"), Tile(page, "Answer rate")));
            Assert.DoesNotContain("id=\"q1\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain(">3<", page, StringComparison.Ordinal);
            Assert.DoesNotContain(">3 ", page, StringComparison.Ordinal);
        }
        Assert.Contains("Results of an anonymous survey are shown only after it closes, and only if at least 5 people answered.", open, StringComparison.Ordinal);
        Assert.Contains("Too few people answered for the results to stay anonymous, so they are not shown.", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSurveysListShowsOnlyTheSurveysSentInTheChosenPeriod()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        await SendAsync(bot, Rating, audienceKind: "Departments", audienceValues: "SCI");
        var cookie = await SignInAsync(bot, Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var current = await PageAsync(bot, cookie, $"/reports/surveys?from={Day(today.AddDays(-6))}&to={Day(today)}");
        var before = await PageAsync(bot, cookie, $"/reports/surveys?from={Day(today.AddDays(-60))}&to={Day(today.AddDays(-1))}");

        Assert.Equal(["Pulse"], Rows(current, "surveys").Select(r => r[0]));
        Assert.Empty(Rows(before, "surveys"));
        Assert.Contains("No survey whose results you may read was sent in this period.", WebUtility.HtmlDecode(before), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiaisonReadsOnlyHerOwnSurveysInSpanishAndAMemberIsRefused()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 6), .. Voters("ART", 6)];
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var preview = await PreviewAsync(bot, ReportWorld.Lia, new Dictionary<string, string?>
        {
            ["title"] = "Science pulse",
            ["questions"] = Rating,
            ["anonymous"] = "false",
            ["breakdown"] = "None",
            ["closeDate"] = "2099-01-01",
            ["audienceKind"] = "Departments",
            ["audienceValues"] = "SCI",
        });
        var hers = IdOf(preview);
        Assert.Equal("application/vnd.microsoft.card.adaptive", TypeOf(await bot.ExecuteAsync(ReportWorld.Lia, SurveyVerbs.Send, new { surveyId = hers })));
        var theirs = await SendAsync(bot, Rating, audienceKind: "Departments", audienceValues: "ART");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 12, "both surveys' recipients counted");
        var lia = await SignInAsync(bot, ReportWorld.Lia);
        var admin = await SignInAsync(bot, Admin);
        var (_, memberCookie) = await OpenAsync(bot, await SignedLinkAsync(bot, voters[0].Persona, TimeSpan.FromMinutes(5)));

        var list = await PageAsync(bot, lia, "/reports/surveys");
        var guessed = await GetAsync(bot, lia, $"/reports/surveys?survey={theirs}");
        var guessedCsv = await GetAsync(bot, lia, $"/reports/surveys/q1.csv?survey={theirs}");
        var own = await GetAsync(bot, lia, $"/reports/surveys?survey={hers}");
        var member = await GetAsync(bot, memberCookie!.Split(';')[0], "/reports/surveys");
        var everything = await PageAsync(bot, admin, "/reports/surveys");
        var participation = await PageAsync(bot, lia, "/reports/participation?asks=surveys");

        Assert.Equal(["Science pulse"], Rows(list, "surveys").Select(r => r[0]));
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Contains("Este cuestionario no existe o sus resultados no son tuyos para leer.", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, guessedCsv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("<html lang=\"es\"", list, StringComparison.Ordinal);
        Assert.Contains("Cuestionarios enviados", list, StringComparison.Ordinal);
        Assert.Contains("Destinatarios", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sent surveys", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(["Pulse", "Science pulse"], Rows(everything, "surveys").Select(r => r[0]));
        // Her participation page counts her departments only, as for polls, in Spanish.
        Assert.Equal("6", Tile(participation, "Preguntados"));
        Assert.Equal(["SCI"], Rows(participation, "by-department").Select(r => r[0]));
        Assert.Contains("Aquí se cuentan: Cuestionarios.", WebUtility.HtmlDecode(participation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASurveysTitleAndOptionsAreEscapedOnThePageAndNeverStartAFormulaInTheCsv()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var preview = await PreviewAsync(bot, Admin, new Dictionary<string, string?>
        {
            ["title"] = "=HYPERLINK(\"http://x\") <b>pulse</b>",
            ["questions"] = "choice | Which? | +Teams; @Email",
            ["anonymous"] = "false",
            ["breakdown"] = "None",
            ["closeDate"] = "2099-01-01",
            ["audienceKind"] = "Departments",
            ["audienceValues"] = "SCI",
        });
        var surveyId = IdOf(preview);
        await bot.ExecuteAsync(Admin, SurveyVerbs.Send, new { surveyId });
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 6, "the survey's recipients counted");
        await AnswerAsync(bot, voters[0].Persona, surveyId, ["0"]);
        var cookie = await SignInAsync(bot, Admin);

        var page = await PageAsync(bot, cookie, $"/reports/surveys?survey={surveyId}");
        var list = (await (await GetAsync(bot, cookie, "/reports/surveys/surveys.csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var answers = (await (await GetAsync(bot, cookie, $"/reports/surveys/q1.csv?survey={surveyId}")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.DoesNotContain("<b>pulse</b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;pulse&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("\r\n\"'=HYPERLINK(\"\"http://x\"\") <b>pulse</b>\",Open,", list, StringComparison.Ordinal);
        Assert.Contains("\r\n'+Teams,1,100%\r\n'@Email,0,0%\r\n", answers, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(BotApplication bot, string cookie, string path)
    {
        using var response = await GetAsync(bot, cookie, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"href=""/reports/tickets\?[^""]*asks=surveys")]
    private static partial Regex KeptChoice();
}
