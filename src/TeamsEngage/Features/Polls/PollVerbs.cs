using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Polls;

/// <summary>The verbs on poll cards.</summary>
public static class PollVerbs
{
    public const string Preview = "poll.preview";
    public const string Send = "poll.send";
    public const string Edit = "poll.edit";
    public const string Revise = "poll.revise";
    public const string Discard = "poll.discard";
    public const string Vote = "poll.vote";
    public const string ChangeVote = "poll.change";
    public const string Refresh = "poll.refresh";
    public const string Results = "poll.results";
    public const string Close = "poll.close";
    public const string Remind = "poll.remind";
    public const string Findings = "poll.findings";
    public const string FindingsPreview = "poll.findings.preview";
    public const string FindingsSend = "poll.findings.send";
    public const string List = "poll.list";
}

/// <summary>Data of the composer's preview button; the inputs arrive merged into it. <paramref name="PollId"/> names the draft being revised.</summary>
public sealed record ComposerData(
    string? Question = null,
    string? Options = null,
    string? Mode = null,
    string? Comment = null,
    string? Anonymous = null,
    string? Results = null,
    string? CloseDate = null,
    string? CloseTime = null,
    string? AudienceKind = null,
    string? AudienceValues = null,
    string? Breakdown = null,
    string? PollId = null);

/// <summary>Data of buttons that act on one poll. <paramref name="For"/> is the user the card was rendered for.</summary>
public sealed record PollRef([property: Required] string PollId, string? For = null);

/// <summary>Data of the vote button: the chosen values ("0", or "0,2" for multiple choice) and an optional comment.</summary>
public sealed record VoteData([property: Required] string PollId, string? For = null, string? Choice = null, string? Comment = null);

/// <summary>Data of the results button: which breakdown, if any (<c>department</c> or <c>role</c>).</summary>
public sealed record ResultsData([property: Required] string PollId, string? By = null);

/// <summary>Data of the list's filter and page buttons: <paramref name="Show"/> is All, Open or Closed; pages count from 0.</summary>
public sealed record PollListData(string? Show = null, int? Page = null);
