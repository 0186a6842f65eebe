using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// Surveys: the surveys the viewer may read the results of (their own; administrators any), newest first, and the one
/// chosen question by question, each number as the survey's results card shows it to that viewer. The numbers and what
/// is withheld come from the surveys feature (<see cref="ISurveyReports"/>); this page only lays them out.
/// </summary>
public sealed class SurveysReport(ISurveyReports surveys)
{
    /// <summary>The page, or null when the survey chosen is unknown or not the viewer's to read.</summary>
    public async Task<ReportDocument?> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var reader = new SurveyReader(viewer.Identity.UserId, viewer.SeesDistrict);
        var sections = new List<ReportSection>();
        if (query.Survey is { } surveyId)
        {
            if (await surveys.ReadAsync(reader, surveyId, texts, cancellationToken).ConfigureAwait(false) is not { } chosen)
            {
                return null;
            }
            sections.AddRange(Chosen(texts, chosen));
        }
        // The period's days are whole UTC days, as on every page of the dashboard.
        var from = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(query.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var listed = await surveys.ListAsync(reader, from, to, cancellationToken).ConfigureAwait(false);
        sections.Add(new ReportSection(texts.Reports_Surveys, [], [List(texts, query, listed)], listed.Count == 0 ? texts.Reports_NoSurveys : texts.Reports_SurveysNote));
        return new ReportDocument(ReportPageNames.Surveys, texts.Reports_Surveys, sections);
    }

    private static ReportTable List(Texts texts, ReportQuery query, IReadOnlyList<SurveyListing> listed)
    {
        var rows = listed.Select(s => (IReadOnlyList<string>)
        [
            s.Title,
            Status(texts, s),
            Day(DateOnly.FromDateTime(s.CreatedAt.UtcDateTime)),
            Number(texts, s.Audience),
            s.Answered is { } answered ? Number(texts, answered) : texts.Reports_Withheld,
            s.Answered is { } count ? Share(texts, count, s.Audience) : texts.Reports_Withheld,
        ]).ToList();
        var chart = listed.Where(s => s is { Answered: not null, Audience: > 0 }).Select(s => new ReportBar(s.Title, Math.Round(100.0 * s.Answered!.Value / s.Audience))).ToList();
        var links = listed.Select(s => (string?)("/reports/" + ReportPageNames.Surveys + ReportQueries.ToQueryString(query with { Survey = s.Id }))).ToList();
        return new ReportTable("surveys", texts.Reports_SurveysTable, [texts.Reports_Survey, texts.Reports_Status, texts.Reports_Sent, texts.Reports_Audience, texts.Reports_Answered, texts.Reports_AnswerRate], rows, chart, links);
    }

    private static string Status(Texts texts, SurveyListing survey) =>
        (survey.Closed ? texts.Reports_Closed : texts.Reports_Open_Status) + (survey.Anonymous ? " · " + texts.Reports_Anonymous : string.Empty);

    /// <summary>The survey chosen: its headline numbers, then one part per question.</summary>
    private static IEnumerable<ReportSection> Chosen(Texts texts, SurveyFigures figures)
    {
        var survey = figures.Survey;
        ReportTile[] tiles =
        [
            new(texts.Reports_Audience, Number(texts, survey.Audience)),
            new(texts.Reports_Answered, survey.Answered is { } answered ? Number(texts, answered) : texts.Reports_Withheld),
            new(texts.Reports_AnswerRate, survey.Answered is { } count ? Share(texts, count, survey.Audience) : texts.Reports_Withheld),
        ];
        yield return new ReportSection(survey.Title, tiles, [], figures.Withheld ?? Status(texts, survey));
        for (var i = 0; i < figures.Questions.Count; i++)
        {
            yield return Question(texts, i, figures.Questions[i]);
        }
    }

    private static ReportSection Question(Texts texts, int index, SurveyQuestionFigures question)
    {
        var heading = $"{index + 1}. {question.Text}";
        List<ReportTile> tiles = [new(texts.Reports_Answered, Number(texts, question.Answered))];
        if (question.Withheld is { } withheld)
        {
            return new ReportSection(heading, tiles, [], withheld);
        }
        if (question.Open)
        {
            var words = new ReportTable($"q{index + 1}", texts.Reports_FrequentWords(index + 1), [texts.Reports_Word, texts.Reports_Count],
                [.. question.Words.Select(w => (IReadOnlyList<string>)[w.Word, Number(texts, w.Count)])],
                [.. question.Words.Select(w => new ReportBar(w.Word, w.Count))]);
            return new ReportSection(heading, tiles, [words], texts.Reports_OpenNote);
        }
        if (question.Average is { } average)
        {
            tiles.Add(new(texts.Reports_Average, average));
            tiles.Add(new(question.FavourableLabel ?? string.Empty, texts.Reports_Percent(question.FavourablePercent ?? 0)));
        }
        var table = new ReportTable($"q{index + 1}", texts.Reports_Distribution(index + 1), [texts.Reports_Answer, texts.Reports_Count, texts.Reports_Share],
            [.. question.Bars.Select(b => (IReadOnlyList<string>)[b.Label, Number(texts, b.Count), texts.Reports_Percent(b.Percent)])],
            [.. question.Bars.Select(b => new ReportBar(b.Label, b.Count))]);
        return new ReportSection(heading, tiles, [table]);
    }
}
