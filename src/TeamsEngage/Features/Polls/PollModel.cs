using TeamsEngage.Asking;
using TeamsEngage.People;

namespace TeamsEngage.Features.Polls;

/// <summary>When voters see the results.</summary>
public enum ResultsVisibility
{
    /// <summary>On their card as soon as they have voted, updated as votes come in.</summary>
    Live,
    /// <summary>Once the poll closes.</summary>
    AfterClose,
    /// <summary>Only the author sees them.</summary>
    Never,
}

/// <summary>Where a poll stands.</summary>
public enum PollStatus
{
    /// <summary>Composed and previewed by its author, not sent.</summary>
    Draft,
    /// <summary>Sent; accepting votes.</summary>
    Open,
    /// <summary>No more votes; the voter key is destroyed.</summary>
    Closed,
}

/// <summary>The one breakdown an anonymous poll offers, chosen when it is created (named polls offer both).</summary>
public enum PollGrouping
{
    /// <summary>Totals only.</summary>
    None,
    /// <summary>By department.</summary>
    Department,
    /// <summary>By role.</summary>
    Role,
}

/// <summary>What an author asks for: the content of a poll before it has an id.</summary>
public sealed record PollSpec(
    string Question,
    IReadOnlyList<string> Options,
    bool MultipleChoice,
    bool AllowComment,
    bool Anonymous,
    ResultsVisibility Results,
    DateTimeOffset ClosesAt,
    Audience Audience,
    PollGrouping Grouping = PollGrouping.None);

/// <summary>
/// A poll as stored. <paramref name="VoteGroups"/>: for anonymous polls, the groups of the chosen breakdown that had at
/// least the minimum group size in the audience when it was sent; anyone else's vote is stored in the shared other group.
/// </summary>
public sealed record Poll(
    string Id,
    PollSpec Spec,
    string AuthorUserId,
    string? AuthorName,
    PollStatus Status,
    DateTimeOffset CreatedAt,
    int Recipients = 0,
    int Capped = 0,
    DateTimeOffset? ClosedAt = null,
    DateTimeOffset? RemindedAt = null,
    string? ETag = null,
    IReadOnlyList<string>? VoteGroups = null,
    Findings? Findings = null)
{
    public bool IsOpenAt(DateTimeOffset now) => Status == PollStatus.Open && now < Spec.ClosesAt;
}

/// <summary>One person's vote: the options chosen (indexes), an optional comment, and what breakdowns group by.</summary>
public sealed record Vote(IReadOnlyList<int> Choices, string? Comment, string? DepartmentCode, string? Role, string? VoterName = null);

/// <summary>Someone a poll was sent to, as recorded at sending time.</summary>
public sealed record PollRecipient(string UserId, string PersonKey, string? DepartmentCode, string? Role);

/// <summary>The limits of a poll.</summary>
public static class PollLimits
{
    public const int MinOptions = 2;
    public const int MaxOptions = 10;
    public const int MaxQuestionLength = 300;
    public const int MaxOptionLength = 100;
    public const int MaxCommentLength = 500;
}
