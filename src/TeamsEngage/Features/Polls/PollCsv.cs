using TeamsEngage.Anonymity;
using System.Globalization;
using System.Text;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// The CSV export of a poll: totals per option and the breakdowns the poll offers, exactly as <see cref="PollDisclosure"/>
/// lets its results card show them, and, for named polls only, one line per voter. Cells a spreadsheet would run as a
/// formula are neutralised.
/// </summary>
public static class PollCsv
{
    // Characters a spreadsheet starts a formula with, also in their full-width forms, which some spreadsheets fold to ASCII.
    private const string FormulaStarts = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    /// <param name="reached">People whose card was delivered, counted as the results card counts them (<c>PollService.ReachedAsync</c>).</param>
    public static string Build(Poll poll, PollResults results, int reached, int minGroupSize, IReadOnlyList<(string? UserId, Vote Vote)>? namedVotes)
    {
        var csv = new StringBuilder();
        Line(csv, "question", poll.Spec.Question);
        // The card's words and numbers ("2 of 3 people reached have answered"): the audience's size is not who was reached.
        Line(csv, "answered", Number(results.Voters));
        Line(csv, "reached", Number(reached));
        csv.Append("\r\n");
        if (results.Tally is not { } tally)
        {
            Line(csv, "results", $"withheld: an anonymous poll's results are shown only after it closes and only if at least {Number(minGroupSize)} people answered");
            return csv.ToString();
        }
        Line(csv, "option", "count", "percent");
        for (var i = 0; i < poll.Spec.Options.Count; i++)
        {
            Line(csv, poll.Spec.Options[i], Number(tally.Counts[i]), Number(tally.PercentOf(i)));
        }
        foreach (var (by, groups) in results.Breakdowns.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            Breakdown(csv, by, poll, groups, minGroupSize);
        }
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

    /// <summary>
    /// A cell as written: quoted when needed, and prefixed with an apostrophe when it would start a formula, also when
    /// the formula character follows spaces or tabs (spreadsheets skip them) or is a full-width form.
    /// </summary>
    public static string Cell(string value)
    {
        var first = value.TrimStart();
        var formula = value.Length > 0 && (value[0] is '\t' or '\r' || (first.Length > 0 && FormulaStarts.Contains(first[0], StringComparison.Ordinal)));
        var text = formula ? "'" + value : value;
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
            var name = group.Name.Length > 0 ? group.Name : poll.Spec.Anonymous ? "(other)" : "(none)";
            Line(csv, [name, .. cells]);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells) => csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
