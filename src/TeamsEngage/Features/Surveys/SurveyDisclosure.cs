using System.Globalization;
using TeamsEngage.Anonymity;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// One question's numbers: how many answered it, the count per option (or per point: 1–5, 0–10), the average and the
/// favourable share (ratings 4–5 of 5; 0–10 promoters 9–10). Open questions carry their answers (masked) only when at
/// least the minimum group size answered.
/// </summary>
public sealed record QuestionResult(int Answered, IReadOnlyList<int> Counts, double? Average, int? FavourablePercent, IReadOnlyList<string> OpenAnswers)
{
    /// <summary>An anonymous survey's question answered by fewer than the minimum: only how many answered it is shown.</summary>
    public bool Withheld { get; init; }
}

/// <summary>One group of the breakdown: respondents and, per question, the average (null when hidden or not a scale).</summary>
public sealed record SurveyGroupRow(string Name, GroupSuppression Suppression, int? Respondents, IReadOnlyList<double?> Averages);

/// <summary>What a results view may show. <paramref name="Questions"/> is null when withheld (then no breakdown either).</summary>
public sealed record SurveyResults(int Respondents, IReadOnlyList<QuestionResult>? Questions, string? By, IReadOnlyList<SurveyGroupRow> Breakdown);

/// <summary>
/// The one place that decides which numbers of a survey anyone sees, with the poll rules: anonymous surveys show numbers
/// once, after closing, only when at least the minimum group size answered, in the one breakdown chosen at composing;
/// breakdown groups are suppressed by <see cref="SmallGroups"/>, per question, so no cell of one question gives away a
/// small group by subtraction from that question's total; open answers only from at least the minimum number of people,
/// never labelled with any group.
/// </summary>
public static class SurveyDisclosure
{
    public const string ByDepartment = "department";
    public const string ByRole = "role";

    public static SurveyResults Results(Survey survey, IReadOnlyList<SurveyAnswer> answers, int minGroupSize, string? by, Func<string, string> mask)
    {
        if (!TotalsShown(survey, answers.Count, minGroupSize))
        {
            return new SurveyResults(answers.Count, null, null, []);
        }
        var questions = survey.Spec.Questions.Select((q, i) => Shown(survey, q, answers.Select(a => Value(a, i)).ToList(), minGroupSize, mask)).ToList();
        var chosen = by is not null && Dimensions(survey).Contains(by) ? by : null;
        return new SurveyResults(answers.Count, questions, chosen, chosen is null ? [] : Breakdown(survey, answers, chosen, minGroupSize));
    }

    /// <summary>The breakdowns offered: both for named surveys, the one chosen at composing (or none) for anonymous ones.</summary>
    public static IReadOnlyList<string> Dimensions(Survey survey) => !survey.Spec.Anonymous
        ? [ByDepartment, ByRole]
        : survey.Spec.Grouping switch
        {
            SurveyGrouping.Department => [ByDepartment],
            SurveyGrouping.Role => [ByRole],
            _ => [],
        };

    /// <summary>The answer as stored: anonymous answers keep only the chosen breakdown's group, coarsened when small.</summary>
    public static SurveyAnswer Stored(Survey survey, SurveyRecipient respondent, IReadOnlyList<string?> values, string? name)
    {
        if (!survey.Spec.Anonymous)
        {
            return new SurveyAnswer(values, respondent.DepartmentCode, respondent.Role, name);
        }
        var nameable = survey.AnswerGroups ?? [];
        return survey.Spec.Grouping switch
        {
            SurveyGrouping.Department => new SurveyAnswer(values, SmallGroups.Coarsen(respondent.DepartmentCode, nameable), null),
            SurveyGrouping.Role => new SurveyAnswer(values, null, SmallGroups.Coarsen(respondent.Role, nameable)),
            _ => new SurveyAnswer(values, null, null),
        };
    }

    public static bool TotalsShown(Survey survey, int respondents, int minGroupSize) =>
        !survey.Spec.Anonymous || (survey.Status == SurveyStatus.Closed && respondents >= minGroupSize);

    /// <summary>
    /// An optional question of an anonymous survey may be answered by fewer people than the survey: its numbers are then
    /// withheld, or they would be those of a small group (who answered which question is visible to the respondents' peers).
    /// </summary>
    private static QuestionResult Shown(Survey survey, SurveyQuestion question, IReadOnlyList<string?> values, int minGroupSize, Func<string, string> mask)
    {
        var result = Question(question, values, minGroupSize, mask);
        return survey.Spec.Anonymous && result.Answered < minGroupSize
            ? new QuestionResult(result.Answered, [], null, null, []) { Withheld = true }
            : result;
    }

    internal static QuestionResult Question(SurveyQuestion question, IReadOnlyList<string?> values, int minGroupSize, Func<string, string> mask)
    {
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        if (question.Kind == QuestionKind.Text)
        {
            var shown = given.Count >= minGroupSize ? given.Select(mask).Order(StringComparer.Ordinal).ToList() : [];
            return new QuestionResult(given.Count, [], null, null, shown);
        }
        var (low, points) = Scale(question);
        var counts = new int[points];
        foreach (var index in given.SelectMany(v => v.Split(',')).Select(Number).Where(n => n >= low && n < low + points))
        {
            counts[index - low]++;
        }
        if (question.Kind is QuestionKind.Choice or QuestionKind.Multiple)
        {
            return new QuestionResult(given.Count, counts, null, null, []);
        }
        var total = counts.Sum();
        double? average = total == 0 ? null : counts.Select((c, i) => (double)c * (i + low)).Sum() / total;
        var favourable = question.Kind == QuestionKind.Rating ? counts[3] + counts[4] : counts[9] + counts[10];
        return new QuestionResult(given.Count, counts, average, total == 0 ? null : Percent(favourable, total), []);
    }

    /// <summary>The lowest value and the number of points of a question's scale (options for choices).</summary>
    public static (int Low, int Points) Scale(SurveyQuestion question) => question.Kind switch
    {
        QuestionKind.Rating => (1, 5),
        QuestionKind.Likelihood => (0, 11),
        _ => (0, question.Options.Count),
    };

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    private static IReadOnlyList<SurveyGroupRow> Breakdown(Survey survey, IReadOnlyList<SurveyAnswer> answers, string by, int minGroupSize)
    {
        Func<SurveyAnswer, string> groupOf = by == ByRole ? a => a.Role ?? SmallGroups.OtherGroup : a => a.DepartmentCode ?? SmallGroups.OtherGroup;
        var groups = answers.GroupBy(groupOf, StringComparer.Ordinal).Select(g => (Name: g.Key, Answers: g.ToList())).ToList();
        var respondents = Suppressed(groups.Select(g => (g.Name, g.Answers.Count)).ToList(), minGroupSize);
        var perQuestion = survey.Spec.Questions.Select((q, i) => q.Kind is QuestionKind.Rating or QuestionKind.Likelihood
            ? Suppressed(groups.Select(g => (g.Name, g.Answers.Count(a => !string.IsNullOrWhiteSpace(Value(a, i))))).ToList(), minGroupSize)
            : null).ToList();
        return [.. groups.OrderBy(g => g.Name, StringComparer.Ordinal).Select(g =>
        {
            var hidden = respondents[g.Name];
            var averages = survey.Spec.Questions.Select((q, i) => hidden == GroupSuppression.None && perQuestion[i] is { } cells && cells[g.Name] == GroupSuppression.None
                ? Question(q, g.Answers.Select(a => Value(a, i)).ToList(), minGroupSize, t => t).Average
                : null).ToList();
            return new SurveyGroupRow(g.Name, hidden, hidden == GroupSuppression.None ? g.Answers.Count : null, averages);
        })];
    }

    private static Dictionary<string, GroupSuppression> Suppressed(List<(string Name, int Size)> groups, int minGroupSize)
    {
        var ascending = groups.OrderBy(g => g.Size).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var hidden = SmallGroups.Suppress([.. ascending.Select(g => g.Size)], minGroupSize);
        return ascending.Select((g, i) => (g.Name, hidden[i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
    }

    private static string? Value(SurveyAnswer answer, int index) => index < answer.Values.Count ? answer.Values[index] : null;

    private static int Number(string text) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
