namespace TeamsEngage.Features.Surveys;

/// <summary>
/// The estimated time a survey takes, from the kinds of its questions, and the ten-minute rule. Seconds per question:
/// one choice 12, several choices 18, a rating 9, a 0–10 likelihood 8, a short open answer 60. A survey estimated over
/// ten minutes (600 seconds) is refused; exactly ten minutes is allowed.
/// </summary>
public static class SurveyTiming
{
    public const int MaxSeconds = 600;

    public static int SecondsFor(QuestionKind kind) => kind switch
    {
        QuestionKind.Choice => 12,
        QuestionKind.Multiple => 18,
        QuestionKind.Rating => 9,
        QuestionKind.Likelihood => 8,
        QuestionKind.Text => 60,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static int Estimate(IEnumerable<SurveyQuestion> questions) => questions.Sum(q => SecondsFor(q.Kind));

    /// <summary>Minutes and seconds, as shown on cards ("10:00").</summary>
    public static string Format(int seconds) => $"{seconds / 60}:{seconds % 60:00}";

    /// <summary>
    /// The questions to cut (1-based numbers) to come within ten minutes: the longest first, the later of two equally
    /// long ones first, as few as will do. Empty when the survey is within the limit.
    /// </summary>
    public static IReadOnlyList<int> ToCut(IReadOnlyList<SurveyQuestion> questions)
    {
        var over = Estimate(questions) - MaxSeconds;
        var cut = new List<int>();
        foreach (var (question, number) in questions.Select((q, i) => (q, i + 1)).OrderByDescending(p => SecondsFor(p.q.Kind)).ThenByDescending(p => p.Item2))
        {
            if (over <= 0)
            {
                break;
            }
            cut.Add(number);
            over -= SecondsFor(question.Kind);
        }
        return [.. cut.Order()];
    }
}
