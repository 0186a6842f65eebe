using System.Text;

namespace TeamsEngage.Features.Reports;

/// <summary>A dashboard table as CSV: the same cells as on the page, formula-safe like the poll export.</summary>
public static class ReportCsv
{
    private const string FormulaStarts = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    public static string Build(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        Line(csv, table.Columns);
        foreach (var row in table.Rows)
        {
            Line(csv, row);
        }
        return csv.ToString();
    }

    /// <summary>
    /// A cell as written: quoted when needed, and prefixed with an apostrophe when it would start a formula, also after
    /// spaces or tabs (spreadsheets skip them) or in full-width form. A negative change such as "-12%" is written as text too.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = value.TrimStart();
        var formula = value.Length > 0 && (value[0] is '\t' or '\r' || (first.Length > 0 && FormulaStarts.Contains(first[0], StringComparison.Ordinal)));
        var text = formula ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
