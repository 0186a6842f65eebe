using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// One area's figure rows for a page's period and the one before, cut to what the viewer may see: an administrator
/// with no department chosen reads the district rows; anyone else the sum of the department rows they may see.
/// Breakdowns other than by department (service, urgency, role, notice, poll, status) are district-wide, so only an
/// administrator with no department chosen gets them.
/// </summary>
public sealed class ReportData
{
    private readonly IReadOnlyList<FigureRow> _rows;
    private readonly ReportQuery _query;
    private readonly IReadOnlySet<string>? _departments;
    private readonly string[] _timed;

    private ReportData(IReadOnlyList<FigureRow> rows, ReportQuery query, IReadOnlySet<string>? departments, string[] timed)
    {
        _rows = rows;
        _query = query;
        _departments = departments;
        _timed = timed;
    }

    public static async Task<ReportData> LoadAsync(FigureStore store, string area, ReportViewer viewer, ReportQuery query, string[] timed, CancellationToken cancellationToken)
    {
        var rows = await store.ReadAsync(area, query.PreviousFrom, query.To, cancellationToken).ConfigureAwait(false);
        IReadOnlySet<string>? departments = viewer.Departments;
        if (query.Department is { } chosen)
        {
            departments = viewer.SeesDistrict || viewer.Departments!.Contains(chosen) ? new HashSet<string>(StringComparer.Ordinal) { chosen } : new HashSet<string>();
        }
        return new ReportData(rows, query, departments, timed);
    }

    /// <summary>These rows and <paramref name="other"/>'s together: another area's, read for the same viewer and query.</summary>
    public ReportData With(ReportData other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ReportData([.. _rows, .. other._rows], _query, _departments, _timed);
    }

    /// <summary>
    /// The page seen through one value of a district-wide breakdown (a service, a notice): that value's rows become the
    /// page's totals, and nothing is broken down further (the figures do not cross one breakdown with another). Only the
    /// district view has these breakdowns; anyone else, or no value, gets these rows unchanged.
    /// </summary>
    public ReportData Focused(string kind, string? value) =>
        value is null || !District
            ? this
            : new ReportData([.. _rows.Where(r => r.Kind == kind && r.Value == value).Select(r => r with { Kind = "all", Value = "all" })], _query, _departments, _timed);

    /// <summary>Whether district-wide breakdowns may be shown.</summary>
    public bool District => _departments is null;

    /// <summary>The totals of the period (or of the previous one).</summary>
    public FigureTotals Totals(bool previous = false) =>
        FigureTotals.Of(InPeriod(previous).Where(r => District ? r.Kind == "all" : r.Kind == "dept" && _departments!.Contains(r.Value)), _timed);

    /// <summary>The totals of each value of <paramref name="kind"/> in the period, in value order; departments cut to the viewer's.</summary>
    public IReadOnlyList<(string Value, FigureTotals Totals)> By(string kind, bool previous = false)
    {
        if (kind != "dept" && !District)
        {
            return [];
        }
        return [.. InPeriod(previous)
            .Where(r => r.Kind == kind && (kind != "dept" || District || _departments!.Contains(r.Value)))
            .GroupBy(r => r.Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, FigureTotals.Of(g, _timed)))];
    }

    /// <summary>The period's days, each with the total of <paramref name="counter"/> in scope.</summary>
    public IReadOnlyList<(DateOnly Day, long Count)> Daily(string counter)
    {
        var scoped = InPeriod(false).Where(r => District ? r.Kind == "all" : r.Kind == "dept" && _departments!.Contains(r.Value)).ToList();
        return [.. Enumerable.Range(0, _query.Days).Select(i => _query.From.AddDays(i))
            .Select(day => (day, scoped.Where(r => r.Day == day).Sum(r => r[counter])))];
    }

    private IEnumerable<FigureRow> InPeriod(bool previous)
    {
        var (from, to) = previous ? (_query.PreviousFrom, _query.PreviousTo) : (_query.From, _query.To);
        return _rows.Where(r => r.Day >= from && r.Day <= to);
    }
}
