using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.Anonymity;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Search;

namespace TeamsEngage.Features.Surveys;

/// <summary>Gathers what the author's results card and the CSV show, every number through <see cref="SurveyDisclosure"/>.</summary>
public sealed partial class SurveyResultsBuilder(
    SurveyStore surveys,
    SurveyService service,
    SurveyMasking masking,
    TextSearch search,
    SurveyLinks links,
    Outbox.IOutbox outbox,
    IOptions<AnonymityOptions> anonymity)
{
    private const int FrequentWords = 5;

    public async Task<AdaptiveCard> BuildAsync(Survey survey, string? by, CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        var results = await ResultsAsync(survey, by, texts, cancellationToken).ConfigureAwait(false);
        var view = new SurveyResultsView(
            survey,
            results,
            await service.ReachedAsync(survey, results.Respondents, cancellationToken).ConfigureAwait(false),
            anonymity.Value.MinGroupSize,
            survey.Status == SurveyStatus.Open ? await RepresentationAsync(survey, cancellationToken).ConfigureAwait(false) : [],
            Words(survey, results, texts.Culture),
            await links.ExportLinkAsync(survey.Id, cancellationToken).ConfigureAwait(false))
        {
            FindingsReach = survey.Findings is null ? null : await Asking.FindingsReach.ReadAsync(outbox, SurveyFindingsDesk.BroadcastId(survey.Id), cancellationToken).ConfigureAwait(false),
        };
        return SurveyResultsCards.Results(view, texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()));
    }

    /// <summary>What findings show of the results, in <paramref name="texts"/>' words: the totals the author sees, never a breakdown.</summary>
    public async Task<SurveyResultsView> TotalsAsync(Survey survey, Texts texts, CancellationToken cancellationToken)
    {
        var results = await ResultsAsync(survey, null, texts, cancellationToken).ConfigureAwait(false);
        return new SurveyResultsView(survey, results, 0, anonymity.Value.MinGroupSize, [], Words(survey, results, texts.Culture), null);
    }

    /// <summary>The numbers the survey shows now, open answers masked in <paramref name="texts"/>' words.</summary>
    public async Task<SurveyResults> ResultsAsync(Survey survey, string? by, Texts texts, CancellationToken cancellationToken)
    {
        var answers = await surveys.ReadAnswersAsync(survey, cancellationToken).ConfigureAwait(false);
        var mask = await masking.ForAsync(texts.Survey_MaskEmail, texts.Survey_MaskPhone, texts.Survey_MaskName, cancellationToken).ConfigureAwait(false);
        return SurveyDisclosure.Results(survey, answers, anonymity.Value.MinGroupSize, by, mask);
    }

    /// <summary>Answered against asked by department and role, while the survey is open (the key secret tells who answered).</summary>
    public async Task<IReadOnlyList<RepresentationRow>> RepresentationAsync(Survey survey, CancellationToken cancellationToken)
    {
        var secret = await surveys.SecretAsync(survey, cancellationToken).ConfigureAwait(false);
        if (survey.Status != SurveyStatus.Open || (survey.Spec.Anonymous && secret is null))
        {
            return [];
        }
        var keys = await surveys.AnswerKeysAsync(survey.Id, cancellationToken).ConfigureAwait(false);
        var recipients = await surveys.ListRecipientsAsync(survey.Id, cancellationToken).ConfigureAwait(false);
        var audience = recipients.Select(r => (r, keys.Contains(SurveyStore.RespondentKey(survey, secret, r.UserId)))).ToList();
        return SurveyRepresentation.Build(audience, anonymity.Value.MinGroupSize);
    }

    /// <summary>The most frequent meaningful words (stems, in the survey's language as the author reads it) per open question shown.</summary>
    private Dictionary<int, IReadOnlyList<(string Word, int Count)>> Words(Survey survey, SurveyResults results, CultureInfo culture)
    {
        var words = new Dictionary<int, IReadOnlyList<(string Word, int Count)>>();
        for (var i = 0; i < (results.Questions?.Count ?? 0); i++)
        {
            if (survey.Spec.Questions[i].Kind != QuestionKind.Text || results.Questions![i].OpenAnswers.Count == 0)
            {
                continue;
            }
            words[i] = [.. results.Questions[i].OpenAnswers
                .SelectMany(a => search.MeaningfulWords(MaskMarks().Replace(a, " "), culture).Distinct(StringComparer.Ordinal))
                .GroupBy(w => w, StringComparer.Ordinal)
                .Select(g => (Word: g.Key, Count: g.Count()))
                .Where(w => w.Count > 1)
                .OrderByDescending(w => w.Count).ThenBy(w => w.Word, StringComparer.Ordinal)
                .Take(FrequentWords)];
        }
        return words;
    }

    // The masks put in place of personal data are not words anyone wrote.
    [System.Text.RegularExpressions.GeneratedRegex(@"\[[^\]]*\]", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex MaskMarks();
}
