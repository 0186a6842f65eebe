using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Surveys;

/// <summary>The verbs on survey cards.</summary>
public static class SurveyVerbs
{
    public const string Template = "survey.template";
    public const string Preview = "survey.preview";
    public const string Send = "survey.send";
    public const string Answer = "survey.answer";
    public const string Change = "survey.change";
    public const string Results = "survey.results";
    public const string Close = "survey.close";
    public const string Remind = "survey.remind";
    public const string RemindGroups = "survey.remindgroups";
    public const string Findings = "survey.findings";
    public const string FindingsPreview = "survey.findings.preview";
    public const string FindingsSend = "survey.findings.send";
}

/// <summary>Data of the template picker: which template (or <c>blank</c>).</summary>
public sealed record TemplateData(string? Template = null);

/// <summary>Data of the composer's preview button; the inputs arrive merged into it.</summary>
public sealed record SurveyComposerData(
    string? Title = null,
    string? Intro = null,
    string? Questions = null,
    string? Anonymous = null,
    string? Breakdown = null,
    string? CloseDate = null,
    string? CloseTime = null,
    string? AudienceKind = null,
    string? AudienceValues = null);

/// <summary>Data of buttons that act on one survey. <paramref name="For"/> is the user the card was rendered for.</summary>
public sealed record SurveyRef([property: Required] string SurveyId, string? For = null);

/// <summary>Data of the results button: which breakdown, if any (<c>department</c> or <c>role</c>).</summary>
public sealed record SurveyResultsData([property: Required] string SurveyId, string? By = null);

/// <summary>Data of the findings buttons; the composer's inputs arrive merged into it.</summary>
public sealed record SurveyFindingsData(
    [property: Required] string SurveyId,
    [property: StringLength(2000)] string? Learned = null,
    [property: StringLength(2000)] string? NextSteps = null,
    [property: StringLength(10)] string? WithResults = null,
    [property: StringLength(300)] string? Cites = null)
{
    public Asking.FindingsForm Form => new(Learned, NextSteps, WithResults, Cites);

    public static SurveyFindingsData Of(string surveyId, Asking.FindingsForm form) => new(surveyId, form.Learned, form.NextSteps, form.WithResults, form.Cites);
}
