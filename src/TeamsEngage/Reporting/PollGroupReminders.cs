namespace TeamsEngage.Reporting;

/// <summary>A group of people as the participation figures count them: <c>dept</c> (an upper-case code) or <c>role</c> (lower case).</summary>
public sealed record ReminderGroup(string Kind, string Value)
{
    /// <summary>Whether the group is one the figures know how to name.</summary>
    public bool IsValid => Kind is "dept" or "role" && Value is { Length: > 0 and <= 40 } && Value != "-";
}

/// <summary>
/// Reminds a group's non-responders from the dashboard, implemented by the polls feature with its own reminder rules (its
/// outbox kind, quiet hours, who has answered, anonymous polls included without anyone learning who), so the dashboard
/// knows no poll.
/// </summary>
public interface IPollGroupReminders
{
    /// <summary>
    /// Queues one reminder for each person of <paramref name="group"/> who has not answered a poll still open that was sent in
    /// [<paramref name="sentFrom"/>, <paramref name="sentBefore"/>); a poll whose group was reminded before is left alone.
    /// Returns how many polls were reminded now (never how many people).
    /// </summary>
    Task<int> RemindAsync(ReminderGroup group, DateTimeOffset sentFrom, DateTimeOffset sentBefore, CancellationToken cancellationToken);
}
