namespace TeamsEngage.Features.Reports;

/// <summary>The pages of the dashboard, in menu order: the path segment and the title key.</summary>
public static class ReportPageNames
{
    public const string Tickets = "tickets";
    public const string Overview = "overview";
    public const string Notices = "notices";
    public const string Participation = "participation";
    public const string Feedback = "feedback";
    public const string Surveys = "surveys";

    public static IReadOnlyList<string> All { get; } = [Tickets, Overview, Notices, Participation, Surveys, Feedback];
}

/// <summary>Which ways of asking the participation page counts.</summary>
public enum AskKinds
{
    Both,
    Polls,
    Surveys,
}

/// <summary>
/// What a page shows: the period (both ends included, UTC days), the one before it, the department chosen, which ways of
/// asking participation counts, the survey chosen on the surveys page, the service chosen on the tickets page and the
/// notice chosen on the notices page.
/// </summary>
public sealed record ReportQuery(DateOnly From, DateOnly To, string? Department, AskKinds Asks = AskKinds.Both, string? Survey = null, string? Service = null, string? Notice = null)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateOnly PreviousFrom => From.AddDays(-Days);

    public DateOnly PreviousTo => From.AddDays(-1);
}

/// <summary>A headline number, with the previous period's and the change when there is one.</summary>
public sealed record ReportTile(string Label, string Value, string? Previous = null, string? Change = null);

/// <summary>A bar of a chart: its label and its value.</summary>
public sealed record ReportBar(string Label, double Value);

/// <summary>
/// A table, downloadable as CSV under its <paramref name="Id"/>; with <paramref name="Chart"/>, drawn above it as bars
/// (the table is then the chart's data, and the chart has a text alternative made of the same numbers). With
/// <paramref name="Links"/>, each row's header leads to its address (one per row, null for none). With
/// <paramref name="Forms"/>, each row ends with its form (one per row, null for none); forms are not part of the CSV.
/// </summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<ReportBar>? Chart = null, IReadOnlyList<string?>? Links = null, IReadOnlyList<ReportForm?>? Forms = null);

/// <summary>A button that POSTs its hidden <paramref name="Fields"/> to <paramref name="Action"/>.</summary>
public sealed record ReportForm(string Action, string Label, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>A part of a page: a heading, headline numbers, tables and a note.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportTile> Tiles, IReadOnlyList<ReportTable> Tables, string? Note = null);

/// <summary>A whole page as the server renders it.</summary>
public sealed record ReportDocument(string Page, string Title, IReadOnlyList<ReportSection> Sections);
