namespace TeamsEngage.Reporting;

/// <summary>The ticket figures: area <c>tickets</c>, by <c>dept</c>, <c>service</c> and <c>urgency</c>.</summary>
public static class TicketCounters
{
    public const string Area = "tickets";
    public const string Opened = "Opened";

    /// <summary>The first claim or reply of a ticket, timed from its report.</summary>
    public const string FirstResponse = "FirstResponse";

    /// <summary>Each resolution, timed from the report (a reopened ticket resolved again counts again).</summary>
    public const string Resolved = "Resolved";
    public const string PromiseKept = "PromiseKept";
    public const string PromiseMissed = "PromiseMissed";
    public const string Escalated = "Escalated";
    public const string Reopened = "Reopened";

    /// <summary>The first rating after each resolution; <see cref="RatingSum"/> adds their stars.</summary>
    public const string Rated = "Rated";
    public const string RatingSum = "RatingSum";

    /// <summary>The counters that carry a duration histogram.</summary>
    public static readonly string[] Timed = [FirstResponse, Resolved];
}

/// <summary>The notice figures: area <c>notices</c>, by the recipient's <c>dept</c> and by <c>notice</c>.</summary>
public static class NoticeCounters
{
    public const string Area = "notices";

    /// <summary>A notice card reaching a person for the first time.</summary>
    public const string Delivered = "Delivered";

    /// <summary>A person's first acknowledgement of a notice, timed from the notice's sending.</summary>
    public const string Acknowledged = "Acknowledged";

    /// <summary>A concern (a ticket) raised from a notice.</summary>
    public const string Concern = "Concern";

    /// <summary>A person the notice was addressed to, counted as the broadcast's rows are written.</summary>
    public const string Audience = "Audience";

    /// <summary>The reasons a notice does not reach someone, as the outbox knows them; anything else counts as <c>Error</c>.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["NotInstalled", "Blocked", "Gone", "Error"];

    /// <summary>A person the notice could not reach, for <paramref name="reason"/> (one of <see cref="Reasons"/>); each person once per notice.</summary>
    public static string Unreachable(string reason) => "Unreachable" + (Reasons.Contains(reason) ? reason : "Error");

    public static readonly string[] Timed = [Acknowledged];
}

/// <summary>The counters every way of asking people shares (polls, surveys): who was asked, who answered.</summary>
public static class AskCounters
{
    /// <summary>A poll or survey card reaching a person.</summary>
    public const string Asked = "Asked";

    /// <summary>A person's first answer (a changed answer is not counted again).</summary>
    public const string Answered = "Answered";
}

/// <summary>The poll figures: area <c>polls</c>, by the person's <c>dept</c> and <c>role</c>, and by <c>poll</c>.</summary>
public static class PollCounters
{
    public const string Area = "polls";
    public const string Asked = AskCounters.Asked;
    public const string Answered = AskCounters.Answered;
}

/// <summary>The survey figures: area <c>surveys</c>, by the person's <c>dept</c> and <c>role</c>, and by <c>survey</c>.</summary>
public static class SurveyCounters
{
    public const string Area = "surveys";
    public const string Asked = AskCounters.Asked;
    public const string Answered = AskCounters.Answered;
}

/// <summary>The feedback figures: area <c>feedback</c>, by <c>status</c> moved to and by <c>dept</c> of the item.</summary>
public static class FeedbackCounters
{
    public const string Area = "feedback";
    public const string Raised = "Raised";

    /// <summary>An item reaching an outcome (planned, done or declined) for the first time, timed from when it was raised.</summary>
    public const string Outcome = "Outcome";
    public const string Moved = "Moved";

    public static readonly string[] Timed = [Outcome];
}

/// <summary>
/// A liaison's workload: area <c>workload</c>, by <c>liaison</c> (a SHA-256 of the person's directory key, never the key
/// itself). Day figures: tickets taken on (claimed), resolved, and first responses with their wait. Standing figures
/// (<see cref="StandingFigures"/>): the open tickets with the liaison now, and those of them the liaison has claimed.
/// </summary>
public static class WorkloadCounters
{
    public const string Area = "workload";
    public const string Kind = "liaison";
    public const string TakenOn = "TakenOn";
    public const string Resolved = "Resolved";
    public const string FirstResponse = "FirstResponse";
    public const string Open = "Open";
    public const string Claimed = "Claimed";

    public static readonly string[] Timed = [FirstResponse];

    /// <summary>What the figures call a person: a hash of the key, so the rows name no one.</summary>
    public static string Of(string personKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("liaison|" + personKey)))[..32];
}
