using System.Globalization;
using System.Text;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// The CSV export of a poll: totals per option, the suppressed breakdowns by department and by role, and, for named
/// polls only, one line per voter. Cells a spreadsheet would run as a formula are neutralised.
/// </summary>
public static class PollCsv
{
    public static string Build(Poll poll, PollTally tally, IReadOnlyList<Vote> votes, int minGroupSize, IReadOnlyList<(string? UserId, Vote Vote)>? namedVotes)
    {
        var csv = new StringBuilder();
        Line(csv, "question", poll.Spec.Question);
        Line(csv, "voters", Number(tally.Voters));
        Line(csv, "recipients", Number(poll.Recipients));
        csv.Append("\r\n");
        Line(csv, "option", "count", "percent");
        for (var i = 0; i < poll.Spec.Options.Count; i++)
        {
            Line(csv, poll.Spec.Options[i], Number(tally.Counts[i]), Number(tally.PercentOf(i)));
        }
        Breakdown(csv, "department", poll, PollBreakdown.Build(poll.Spec.Options.Count, votes, v => v.DepartmentCode, minGroupSize), minGroupSize);
        Breakdown(csv, "role", poll, PollBreakdown.Build(poll.Spec.Options.Count, votes, v => v.Role, minGroupSize), minGroupSize);
        if (!poll.Spec.Anonymous && namedVotes is not null)
        {
            csv.Append("\r\n");
            Line(csv, "voter", "department", "role", "choices", "comment");
            foreach (var (_, vote) in namedVotes.OrderBy(v => v.Vote.VoterName, StringComparer.Ordinal))
            {
                var choices = string.Join("; ", vote.Choices.Where(c => c < poll.Spec.Options.Count).Select(c => poll.Spec.Options[c]));
                Line(csv, vote.VoterName ?? string.Empty, vote.DepartmentCode ?? string.Empty, vote.Role ?? string.Empty, choices, vote.Comment ?? string.Empty);
            }
        }
        return csv.ToString();
    }

    /// <summary>A cell as written: quoted when needed, and prefixed with an apostrophe when it would start a formula.</summary>
    public static string Cell(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Breakdown(StringBuilder csv, string by, Poll poll, IReadOnlyList<BreakdownGroup> groups, int minGroupSize)
    {
        csv.Append("\r\n");
        Line(csv, [by, "respondents", .. poll.Spec.Options]);
        foreach (var group in groups)
        {
            string[] cells = group.Tally is { } t
                ? [Number(t.Voters), .. t.Counts.Select(Number)]
                : [.. Enumerable.Repeat(group.Suppression == GroupSuppression.TooSmall ? $"fewer than {Number(minGroupSize)}" : "withheld", poll.Spec.Options.Count + 1)];
            Line(csv, [group.Name.Length == 0 ? "(none)" : group.Name, .. cells]);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells) => csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
