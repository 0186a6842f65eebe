using TeamsEngage.Localization;

namespace TeamsEngage.Features.Surveys;

/// <summary>The outcome of reading the question lines: the questions, or the resource key and line of the first problem.</summary>
public sealed record QuestionLinesResult(IReadOnlyList<SurveyQuestion> Questions, string? ErrorKey, int Line);

/// <summary>
/// Questions as the composer edits them, one per line: <c>kind | question | option; option; …</c>, with a <c>*</c> after
/// the kind for a required question. Kinds, in English or Spanish: <c>choice</c>/<c>opción</c>, <c>multiple</c>/<c>varias</c>,
/// <c>rating</c>/<c>valoración</c> (the options are the five labels, 1 to 5), <c>0-10</c>, <c>text</c>/<c>texto</c>.
/// </summary>
public static class SurveyQuestionLines
{
    private static readonly Dictionary<string, QuestionKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["choice"] = QuestionKind.Choice,
        ["opción"] = QuestionKind.Choice,
        ["opcion"] = QuestionKind.Choice,
        ["multiple"] = QuestionKind.Multiple,
        ["varias"] = QuestionKind.Multiple,
        ["rating"] = QuestionKind.Rating,
        ["valoración"] = QuestionKind.Rating,
        ["valoracion"] = QuestionKind.Rating,
        ["0-10"] = QuestionKind.Likelihood,
        ["text"] = QuestionKind.Text,
        ["texto"] = QuestionKind.Text,
    };

    public static QuestionLinesResult Read(string? text)
    {
        var questions = new List<SurveyQuestion>();
        var lines = (text ?? string.Empty).Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var (question, error) = ReadLine(lines[i]);
            if (question is null)
            {
                return new QuestionLinesResult([], error, i + 1);
            }
            questions.Add(question);
        }
        return questions.Count is < SurveyLimits.MinQuestions or > SurveyLimits.MaxQuestions
            ? new QuestionLinesResult([], TextKeys.Survey_Error_QuestionCount, 0)
            : new QuestionLinesResult(questions, null, 0);
    }

    /// <summary>The questions back as lines, for editing.</summary>
    public static string Write(IEnumerable<SurveyQuestion> questions) => string.Join('\n', questions.Select(q =>
    {
        var kind = Kinds.First(k => k.Value == q.Kind).Key + (q.Required ? "*" : string.Empty);
        return q.Options.Count == 0 ? $"{kind} | {q.Text}" : $"{kind} | {q.Text} | {string.Join("; ", q.Options)}";
    }));

    private static (SurveyQuestion? Question, string? ErrorKey) ReadLine(string line)
    {
        var parts = line.Split('|').Select(Clean).ToList();
        var kindWord = parts[0].TrimEnd('*').Trim();
        if (parts.Count < 2 || !Kinds.TryGetValue(kindWord, out var kind))
        {
            return (null, TextKeys.Survey_Error_Kind);
        }
        var text = parts[1];
        if (text.Length is 0 or > SurveyLimits.MaxQuestionLength)
        {
            return (null, TextKeys.Survey_Error_QuestionText);
        }
        var options = parts.Count > 2 ? parts[2].Split(';').Select(Clean).Where(o => o.Length > 0).ToList() : [];
        if (OptionsError(kind, options) is { } error)
        {
            return (null, error);
        }
        return (new SurveyQuestion(text, kind, kind is QuestionKind.Choice or QuestionKind.Multiple or QuestionKind.Rating ? options : [], parts[0].EndsWith('*')), null);
    }

    private static string? OptionsError(QuestionKind kind, List<string> options) => kind switch
    {
        _ when options.Any(o => o.Length > SurveyLimits.MaxOptionLength) => TextKeys.Survey_Error_Options,
        QuestionKind.Choice or QuestionKind.Multiple when options.Count is < SurveyLimits.MinOptions or > SurveyLimits.MaxOptions => TextKeys.Survey_Error_Options,
        QuestionKind.Choice or QuestionKind.Multiple when options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count => TextKeys.Survey_Error_Options,
        QuestionKind.Rating when options.Count != SurveyLimits.RatingPoints => TextKeys.Survey_Error_RatingLabels,
        _ => null,
    };

    private static string Clean(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
