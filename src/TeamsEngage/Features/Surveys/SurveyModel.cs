using TeamsEngage.Asking;
using TeamsEngage.People;

namespace TeamsEngage.Features.Surveys;

/// <summary>The kinds of question a survey asks.</summary>
public enum QuestionKind
{
    /// <summary>One option of several.</summary>
    Choice,
    /// <summary>Any number of options.</summary>
    Multiple,
    /// <summary>1 to 5, each point with a label.</summary>
    Rating,
    /// <summary>0 to 10: how likely.</summary>
    Likelihood,
    /// <summary>A short open answer.</summary>
    Text,
}

/// <summary>Where a survey stands.</summary>
public enum SurveyStatus
{
    /// <summary>Composed and previewed, not sent.</summary>
    Draft,
    /// <summary>Sent; accepting answers.</summary>
    Open,
    /// <summary>No more answers; an anonymous survey's keys are destroyed.</summary>
    Closed,
}

/// <summary>The one breakdown an anonymous survey offers, chosen when it is composed (named surveys offer both).</summary>
public enum SurveyGrouping
{
    /// <summary>Totals only.</summary>
    None,
    /// <summary>By department.</summary>
    Department,
    /// <summary>By role.</summary>
    Role,
}

/// <summary>One question: its text, kind, options (choices, or the five labels of a rating) and whether it must be answered.</summary>
public sealed record SurveyQuestion(string Text, QuestionKind Kind, IReadOnlyList<string> Options, bool Required);

/// <summary>What an author asks for: the content of a survey before it has an id.</summary>
public sealed record SurveySpec(
    string Title,
    string Intro,
    IReadOnlyList<SurveyQuestion> Questions,
    bool Anonymous,
    DateTimeOffset ClosesAt,
    Audience Audience,
    SurveyGrouping Grouping = SurveyGrouping.None);

/// <summary>
/// A survey as stored. <paramref name="AnswerGroups"/>: for anonymous surveys, the groups of the chosen breakdown large
/// enough in the audience to be stored with an answer; everyone else's answer is stored in the shared other group.
/// </summary>
public sealed record Survey(
    string Id,
    SurveySpec Spec,
    string AuthorUserId,
    string? AuthorName,
    SurveyStatus Status,
    DateTimeOffset CreatedAt,
    int Recipients = 0,
    int Capped = 0,
    DateTimeOffset? ClosedAt = null,
    DateTimeOffset? RemindedAt = null,
    string? ETag = null,
    IReadOnlyList<string>? AnswerGroups = null,
    DateTimeOffset? GroupsRemindedAt = null,
    Findings? Findings = null)
{
    public bool IsOpenAt(DateTimeOffset now) => Status == SurveyStatus.Open && now < Spec.ClosesAt;
}

/// <summary>
/// One person's answers, one value per question (null: not answered): an option index, indexes joined by commas, a
/// rating 1–5, a likelihood 0–10, or the text. The groups are what breakdowns count by.
/// </summary>
public sealed record SurveyAnswer(IReadOnlyList<string?> Values, string? DepartmentCode, string? Role, string? Name = null);

/// <summary>Someone a survey was sent to, as recorded at sending time.</summary>
public sealed record SurveyRecipient(string UserId, string PersonKey, string? DepartmentCode, string? Role);

/// <summary>The limits of a survey.</summary>
public static class SurveyLimits
{
    public const int MinQuestions = 1;
    public const int MaxQuestions = 15;
    public const int MaxTitleLength = 150;
    public const int MaxIntroLength = 1000;
    public const int MaxQuestionLength = 300;
    public const int MaxOptionLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 10;
    public const int MaxTextAnswerLength = 500;
    public const int RatingPoints = 5;
}
