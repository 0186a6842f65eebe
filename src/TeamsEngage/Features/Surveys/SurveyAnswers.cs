using System.Globalization;
using System.Text.Json;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Surveys;

/// <summary>The outcome of reading a submitted card: one value per question, or the sentence saying what is wrong.</summary>
public sealed record AnswerReading(IReadOnlyList<string?>? Values, string? Error);

/// <summary>
/// Reads the submitted inputs (<c>q0</c>, <c>q1</c>, …) against the survey's questions. A value that is not one the
/// question offers (forged data) refuses the whole submission; so does a required question left empty, naming it.
/// </summary>
public static class SurveyAnswers
{
    public static AnswerReading Read(Survey survey, JsonElement data, Texts texts)
    {
        var values = new List<string?>();
        var missing = new List<int>();
        for (var i = 0; i < survey.Spec.Questions.Count; i++)
        {
            var question = survey.Spec.Questions[i];
            var raw = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(SurveyCards.InputId(i), out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (string.IsNullOrWhiteSpace(raw))
            {
                values.Add(null);
                if (question.Required)
                {
                    missing.Add(i + 1);
                }
                continue;
            }
            if (Normalize(question, raw) is not { } value)
            {
                return new AnswerReading(null, texts.Survey_Refused_BadValue(i + 1));
            }
            values.Add(value);
        }
        if (missing.Count > 0)
        {
            return new AnswerReading(null, texts.Survey_Refused_Required(string.Join(", ", missing)));
        }
        return values.All(v => v is null) ? new AnswerReading(null, texts.Survey_Refused_Empty) : new AnswerReading(values, null);
    }

    /// <summary>The value as stored, or null when the question does not offer it.</summary>
    internal static string? Normalize(SurveyQuestion question, string raw)
    {
        if (question.Kind == QuestionKind.Text)
        {
            var text = raw.Trim();
            return text.Length <= SurveyLimits.MaxTextAnswerLength ? text : text[..SurveyLimits.MaxTextAnswerLength];
        }
        var (low, points) = SurveyDisclosure.Scale(question);
        var picked = new List<int>();
        foreach (var part in raw.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < low || n >= low + points || picked.Contains(n))
            {
                return null;
            }
            picked.Add(n);
        }
        return picked.Count == 1 || (question.Kind == QuestionKind.Multiple && picked.Count > 1)
            ? string.Join(',', picked.Order().Select(n => n.ToString(CultureInfo.InvariantCulture)))
            : null;
    }
}
