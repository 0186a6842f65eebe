using TeamsEngage.Anonymity;
using TeamsEngage.Asking;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Surveys;

/// <summary>Everything the author's results card shows.</summary>
public sealed record SurveyResultsView(Survey Survey, SurveyResults Results, int Reached, int MinGroupSize, IReadOnlyList<RepresentationRow> Representation, IReadOnlyDictionary<int, IReadOnlyList<(string Word, int Count)>> Words, Uri? ExportLink)
{
    /// <summary>How far the findings went, once shared.</summary>
    public FindingsReach? FindingsReach { get; init; }
}

/// <summary>The author's results card: participation, representation, every question's numbers, one breakdown, the controls.</summary>
public static class SurveyResultsCards
{
    public static AdaptiveCard Results(SurveyResultsView view, Texts texts, TimeZoneInfo timeZone)
    {
        var survey = view.Survey;
        return new AdaptiveCard(
        [
            .. SurveyCards.Header(survey, texts, timeZone),
            new TextBlock(texts.Survey_Participation(view.Results.Respondents, view.Reached)) { Wrap = true, Weight = TextWeight.Bolder },
            .. survey.Capped > 0 ? [new TextBlock(texts.Survey_CappedNote(survey.Capped)) { Wrap = true, IsSubtle = true, Size = TextSize.Small }] : Enumerable.Empty<CardElement>(),
            .. Representation(view, texts),
            .. view.Results.Questions is { } questions
                ? questions.SelectMany((q, i) => Question(survey.Spec.Questions[i], i, q, view, texts, verbatim: true))
                : [new TextBlock(survey.Status == SurveyStatus.Closed ? texts.Survey_ResultsWithheldClosed : texts.Survey_ResultsWithheld(view.MinGroupSize)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Medium }],
            .. Breakdown(view, texts),
            .. survey.Findings is { } findings ? [FindingsCards.Status(texts, findings, view.FindingsReach ?? new FindingsReach(0, 0), timeZone)] : Enumerable.Empty<CardElement>(),
        ])
        {
            Actions = [.. Actions(view, texts)],
            FallbackText = texts.Survey_Title,
        };
    }

    private static IEnumerable<CardElement> Representation(SurveyResultsView view, Texts texts)
    {
        if (view.Survey.Status != SurveyStatus.Open || view.Representation.Count == 0)
        {
            yield break;
        }
        yield return new TextBlock(texts.Survey_RepresentationHeading) { Weight = TextWeight.Bolder, Wrap = true, Separator = true, Spacing = Spacing.Medium };
        foreach (var row in view.Representation)
        {
            var value = row.Asked is { } asked
                ? texts.Survey_AnsweredOf(row.Answered ?? 0, asked) + (row.UnderRepresented ? " · " + texts.Survey_UnderRepresented : string.Empty)
                : texts.Survey_GroupHidden(view.MinGroupSize);
            yield return new TextBlock($"{GroupName(row.Name, texts)} ({texts[row.Dimension == SurveyRepresentation.Role ? TextKeys.Survey_ByRole : TextKeys.Survey_ByDepartment]}): {value}") { Wrap = true, Size = TextSize.Small, Spacing = Spacing.None };
        }
    }

    /// <summary>
    /// The totals shared with findings: how many answered and every question's numbers, open questions by their frequent
    /// words only (the words people wrote stay with the author); or that too few answered.
    /// </summary>
    public static IEnumerable<CardElement> Totals(SurveyResultsView view, Texts texts) =>
        view.Results.Questions is { } questions
            ?
            [
                new TextBlock(texts.Findings_Answered(view.Results.Respondents)) { Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
                .. questions.SelectMany((q, i) => Question(view.Survey.Spec.Questions[i], i, q, view, texts, verbatim: false)),
            ]
            : [FindingsCards.Withheld(texts, view.MinGroupSize)];

    private static IEnumerable<CardElement> Question(SurveyQuestion question, int index, QuestionResult result, SurveyResultsView view, Texts texts, bool verbatim)
    {
        yield return new TextBlock($"{index + 1}. {CardText.Escape(question.Text)}") { Weight = TextWeight.Bolder, Wrap = true, Separator = true, Spacing = Spacing.Medium };
        yield return new TextBlock(texts.Survey_QuestionAnswered(result.Answered)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };
        if (question.Kind == QuestionKind.Text)
        {
            foreach (var element in OpenAnswers(index, result, view, texts, verbatim))
            {
                yield return element;
            }
            yield break;
        }
        if (result.Withheld)
        {
            yield return new TextBlock(texts.Survey_QuestionWithheld(view.MinGroupSize)) { Wrap = true, IsSubtle = true };
            yield break;
        }
        var (low, _) = SurveyDisclosure.Scale(question);
        var total = question.Kind == QuestionKind.Multiple ? result.Answered : result.Counts.Sum();
        for (var i = 0; i < result.Counts.Count; i++)
        {
            var label = question.Kind is QuestionKind.Choice or QuestionKind.Multiple ? CardText.Escape(question.Options[i]) : (i + low).ToString(texts.Culture);
            var percent = SurveyDisclosure.Percent(result.Counts[i], total);
            yield return new TextBlock($"{label}: {texts.Survey_CountAndPercent(result.Counts[i], percent)}") { Wrap = true, Spacing = Spacing.None };
        }
        if (result.Average is { } average)
        {
            var favourable = texts[question.Kind == QuestionKind.Rating ? TextKeys.Survey_Favourable : TextKeys.Survey_Promoters];
            yield return new TextBlock(texts.Survey_AverageAndShare(SurveyAuthorCards.Number(average, texts), favourable, result.FavourablePercent ?? 0)) { Wrap = true, Color = TextColor.Accent };
        }
    }

    private static IEnumerable<CardElement> OpenAnswers(int index, QuestionResult result, SurveyResultsView view, Texts texts, bool verbatim)
    {
        if (result.OpenAnswers.Count == 0)
        {
            yield return new TextBlock(texts.Survey_OpenWithheld(view.MinGroupSize)) { Wrap = true, IsSubtle = true };
            yield break;
        }
        if (view.Words.TryGetValue(index, out var words) && words.Count > 0)
        {
            yield return new TextBlock(texts.Survey_FrequentWords(string.Join(", ", words.Select(w => $"{CardText.Escape(w.Word)} ({w.Count})")))) { Wrap = true, Color = TextColor.Accent };
        }
        foreach (var answer in verbatim ? result.OpenAnswers : [])
        {
            yield return CardText.UserText("“" + answer + "”", SurveyLimits.MaxTextAnswerLength, italic: true);
        }
    }

    private static IEnumerable<CardElement> Breakdown(SurveyResultsView view, Texts texts)
    {
        if (view.Results.By is null)
        {
            yield break;
        }
        var questions = view.Survey.Spec.Questions;
        yield return new TextBlock(texts[view.Results.By == SurveyDisclosure.ByRole ? TextKeys.Survey_ByRole : TextKeys.Survey_ByDepartment]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        foreach (var group in view.Results.Breakdown)
        {
            var averages = group.Averages.Select((a, i) => a is { } value ? $"{i + 1}: {SurveyAuthorCards.Number(value, texts)}" : null).Where(s => s is not null);
            var line = group.Suppression == GroupSuppression.None
                ? $"{GroupName(group.Name, texts)}: {texts.Survey_QuestionAnswered(group.Respondents ?? 0)}" + (questions.Any(q => q.Kind is QuestionKind.Rating or QuestionKind.Likelihood) ? " · " + texts.Survey_Averages(string.Join(", ", averages)) : string.Empty)
                : $"{GroupName(group.Name, texts)}: {texts.Survey_GroupHidden(view.MinGroupSize)}";
            yield return new TextBlock(line) { Wrap = true, Size = TextSize.Small, Spacing = Spacing.None };
        }
    }

    private static IEnumerable<CardAction> Actions(SurveyResultsView view, Texts texts)
    {
        var id = view.Survey.Id;
        // Teams shows at most five actions; a breakdown button also refreshes, so Refresh is there only without one.
        var breakdowns = view.Results.Questions is null ? [] : SurveyDisclosure.Dimensions(view.Survey);
        if (breakdowns.Count == 0)
        {
            yield return new ExecuteAction(texts.Survey_Refresh, SurveyVerbs.Results) { Data = new SurveyResultsData(id) };
        }
        foreach (var by in breakdowns)
        {
            yield return new ExecuteAction(texts[by == SurveyDisclosure.ByRole ? TextKeys.Survey_ByRole : TextKeys.Survey_ByDepartment], SurveyVerbs.Results) { Data = new SurveyResultsData(id, by) };
        }
        if (view.Survey.Status == SurveyStatus.Open)
        {
            yield return new ExecuteAction(texts.Survey_RemindButton, SurveyVerbs.Remind) { Data = new SurveyRef(id) };
            yield return new ExecuteAction(texts.Survey_RemindGroupsButton, SurveyVerbs.RemindGroups) { Data = new SurveyRef(id) };
            yield return new ExecuteAction(texts.Survey_CloseButton, SurveyVerbs.Close) { Data = new SurveyRef(id), Style = ActionStyle.Destructive };
        }
        if (view.ExportLink is { } link && view.Results.Questions is not null && view.Survey.Status == SurveyStatus.Closed)
        {
            yield return new OpenUrlAction(texts.Survey_ExportButton, link);
        }
        if (view.Survey is { Status: SurveyStatus.Closed, Findings: null })
        {
            yield return new ExecuteAction(texts.Findings_ShareButton, SurveyVerbs.Findings) { Data = new SurveyFindingsData(id), Style = ActionStyle.Positive };
        }
    }

    private static string GroupName(string name, Texts texts) => name.Length == 0 ? texts.Survey_OtherGroups : CardText.Escape(name);
}
