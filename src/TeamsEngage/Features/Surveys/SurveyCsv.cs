using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsEngage.Links;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>The signed, expiring export link of a survey, bound to its tenant: <c>/surveys/{id}/export.csv?tenant=…&amp;exp=…&amp;sig=…</c>.</summary>
public sealed class SurveyLinks(SignedLinks links, IOptions<SurveysOptions> options)
{
    public Task<Uri> ExportLinkAsync(string surveyId, CancellationToken cancellationToken) =>
        links.CreateAsync(ExportPath(surveyId), [new("tenant", TenantScope.Require("an export link"))], options.Value.LinkLifetime, cancellationToken);

    public async Task<string?> ValidTenantAsync(string surveyId, string? tenant, string? exp, string? sig, CancellationToken cancellationToken) =>
        TenantScope.Normalize(tenant) is { } tenantId && await links.IsValidAsync(ExportPath(surveyId), [new("tenant", tenantId)], exp, sig, cancellationToken).ConfigureAwait(false)
            ? tenantId
            : null;

    private static string ExportPath(string surveyId) => $"/surveys/{Uri.EscapeDataString(surveyId)}/export.csv";
}

/// <summary>
/// The results as CSV: one row per question and answer value with its count and share, exactly the numbers of the
/// results card (nothing when they are withheld); open answers masked, only where the card shows them. Cells a
/// spreadsheet would run as a formula get a leading apostrophe.
/// </summary>
public static class SurveyCsv
{
    public static string Build(Survey survey, SurveyResults results, Texts texts, int minGroupSize)
    {
        var csv = new StringBuilder();
        Line(csv, "question", "kind", "answer", "count", "percent");
        if (results.Questions is not { } questions)
        {
            Line(csv, string.Empty, string.Empty, texts.Survey_ResultsWithheldClosed, string.Empty, string.Empty);
            return csv.ToString();
        }
        for (var q = 0; q < questions.Count; q++)
        {
            var question = survey.Spec.Questions[q];
            var result = questions[q];
            if (result.Withheld)
            {
                Line(csv, question.Text, question.Kind.ToString(), texts.Survey_QuestionWithheld(minGroupSize), string.Empty, string.Empty);
                continue;
            }
            var (low, _) = SurveyDisclosure.Scale(question);
            var total = question.Kind == QuestionKind.Multiple ? result.Answered : result.Counts.Sum();
            for (var i = 0; i < result.Counts.Count; i++)
            {
                var label = question.Kind is QuestionKind.Choice or QuestionKind.Multiple ? question.Options[i] : (i + low).ToString(CultureInfo.InvariantCulture);
                Line(csv, question.Text, question.Kind.ToString(), label, Number(result.Counts[i]), Number(SurveyDisclosure.Percent(result.Counts[i], total)));
            }
            foreach (var text in result.OpenAnswers)
            {
                Line(csv, question.Text, question.Kind.ToString(), text, string.Empty, string.Empty);
            }
        }
        return csv.ToString();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string Cell(string value)
    {
        var trimmed = value.TrimStart(' ', '\t');
        var safe = value.StartsWith('\t') || value.StartsWith('\r') || (trimmed.Length > 0 && "=+-@＝＋－＠".Contains(trimmed[0], StringComparison.Ordinal)) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
