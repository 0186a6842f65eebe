using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.Anonymity;
using TeamsEngage.Localization;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// The surveys' side of the reports dashboard: the surveys a reader may read the results of (their own; administrators
/// any), and one survey's numbers exactly as the results card shows them, through <see cref="SurveyResultsBuilder"/>
/// and <see cref="SurveyDisclosure"/>. Open questions give their frequent words only, never the answers.
/// </summary>
public sealed class SurveyReports(SurveyStore surveys, SurveyResultsBuilder results, FigureStore figures, TimeProvider clock, IOptions<AnonymityOptions> anonymity) : ISurveyReports
{
    /// <summary>How many of the period's newest readable surveys the dashboard lists.</summary>
    public const int MaxListed = 200;

    public async Task<IReadOnlyList<SurveyListing>> ListAsync(SurveyReader reader, DateTimeOffset sentFrom, DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var readable = new List<Survey>();
        await foreach (var id in surveys.ListSentAsync(sentFrom, sentBefore, cancellationToken).ConfigureAwait(false))
        {
            if (await surveys.FindAsync(id, cancellationToken).ConfigureAwait(false) is { Status: not SurveyStatus.Draft } survey && MayRead(reader, survey))
            {
                readable.Add(survey);
                if (readable.Count == MaxListed)
                {
                    break;
                }
            }
        }
        var answered = await AnsweredAsync(readable, cancellationToken).ConfigureAwait(false);
        return [.. readable.Select(s => Listing(s, (int)answered.GetValueOrDefault(s.Id)))];
    }

    /// <summary>
    /// How many people answered each survey, from the report figures kept as first answers come in (one row per survey
    /// and day), so listing many large surveys never reads their answers.
    /// </summary>
    private async Task<Dictionary<string, long>> AnsweredAsync(List<Survey> listed, CancellationToken cancellationToken)
    {
        if (listed.Count == 0)
        {
            return [];
        }
        var from = DateOnly.FromDateTime(listed.Min(s => s.CreatedAt).UtcDateTime);
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await figures.ReadAsync(SurveyCounters.Area, from, to, cancellationToken).ConfigureAwait(false);
        return rows.Where(r => r.Kind == AskArea.Surveys.Dimension)
            .GroupBy(r => r.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r[AskCounters.Answered]), StringComparer.Ordinal);
    }

    public async Task<SurveyFigures?> ReadAsync(SurveyReader reader, string surveyId, Texts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(texts);
        if (await surveys.FindAsync(surveyId, cancellationToken).ConfigureAwait(false) is not { Status: not SurveyStatus.Draft } survey || !MayRead(reader, survey))
        {
            return null;
        }
        var view = await results.TotalsAsync(survey, texts, cancellationToken).ConfigureAwait(false);
        var listing = Listing(survey, view.Results.Respondents);
        if (view.Results.Questions is not { } questions)
        {
            return new SurveyFigures(listing, [], survey.Status == SurveyStatus.Closed ? texts.Survey_ResultsWithheldClosed : texts.Survey_ResultsWithheld(view.MinGroupSize));
        }
        return new SurveyFigures(listing, [.. questions.Select((q, i) => Question(survey.Spec.Questions[i], q, view.Words.GetValueOrDefault(i) ?? [], view.MinGroupSize, texts))], null);
    }

    private static bool MayRead(SurveyReader reader, Survey survey) =>
        reader.Administrator || string.Equals(survey.AuthorUserId, reader.UserId, StringComparison.Ordinal);

    /// <summary>An anonymous survey answered by fewer than the minimum shows no count of its answers.</summary>
    private SurveyListing Listing(Survey survey, int respondents) => new(
        survey.Id,
        survey.Spec.Title,
        survey.Status == SurveyStatus.Closed,
        survey.Spec.Anonymous,
        survey.CreatedAt,
        survey.Recipients,
        survey.Spec.Anonymous && respondents < anonymity.Value.MinGroupSize ? null : respondents);

    /// <summary>One question as the results card shows it (see <see cref="SurveyResultsCards"/>), as figures instead of lines.</summary>
    private static SurveyQuestionFigures Question(SurveyQuestion question, QuestionResult result, IReadOnlyList<(string Word, int Count)> words, int minimum, Texts texts)
    {
        if (question.Kind == QuestionKind.Text)
        {
            return result.OpenAnswers.Count == 0
                ? new SurveyQuestionFigures(question.Text, true, result.Answered, [], null, null, null, [], texts.Survey_OpenWithheld(minimum))
                : new SurveyQuestionFigures(question.Text, true, result.Answered, [], null, null, null, words, null);
        }
        if (result.Withheld)
        {
            return new SurveyQuestionFigures(question.Text, false, result.Answered, [], null, null, null, [], texts.Survey_QuestionWithheld(minimum));
        }
        var (low, _) = SurveyDisclosure.Scale(question);
        var total = question.Kind == QuestionKind.Multiple ? result.Answered : result.Counts.Sum();
        var bars = result.Counts.Select((count, i) => new SurveyBar(
            question.Kind is QuestionKind.Choice or QuestionKind.Multiple ? question.Options[i] : (i + low).ToString(CultureInfo.InvariantCulture),
            count,
            SurveyDisclosure.Percent(count, total))).ToList();
        var favourable = result.Average is null ? null : texts[question.Kind == QuestionKind.Rating ? TextKeys.Survey_Favourable : TextKeys.Survey_Promoters];
        return new SurveyQuestionFigures(question.Text, false, result.Answered, bars, result.Average is { } average ? SurveyAuthorCards.Number(average, texts) : null, favourable, result.Average is null ? null : result.FavourablePercent ?? 0, [], null);
    }
}
