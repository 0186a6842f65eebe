using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The tickets page's liaison workload, by name: the open tickets with each liaison now and those claimed, the tickets
/// taken on and resolved in the period, and the median first response. Read from the workload figures (a row per
/// liaison and day, and a standing row per liaison), never from the tickets. Whom it lists: the liaisons and backups of
/// the departments in view, and for an administrator with no department chosen also the administrators, with whatever
/// the figures hold of anyone else added up in one row.
/// </summary>
public sealed class WorkloadReport(FigureStore store, StandingFigures standing, IPeopleDirectory directory, TimeProvider clock)
{
    public async Task<ReportTable> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var people = await PeopleAsync(viewer, query, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var days = (await store.ReadAsync(WorkloadCounters.Area, query.From, query.To, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Kind == WorkloadCounters.Kind).ToList();
        var now = await standing.ReadAsync(WorkloadCounters.Area, WorkloadCounters.Kind, today, cancellationToken).ConfigureAwait(false);
        var lines = people.Select(p => (Name: p.Name, Rows: Of(p.Hash, days, now))).OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        if (viewer.SeesDistrict && query.Department is null)
        {
            var known = people.Select(p => p.Hash).ToHashSet(StringComparer.Ordinal);
            var others = days.Where(r => !known.Contains(r.Value)).Concat(now.Values.Where(r => !known.Contains(r.Value))).ToList();
            if (others.Count > 0)
            {
                lines.Add((texts.Reports_WorkloadOthers, others));
            }
        }
        string[] columns = [texts.Reports_Liaison, texts.Reports_OpenNow, texts.Reports_ClaimedNow, texts.Reports_TakenOn, texts.Reports_Resolved, texts.Reports_FirstResponseMedian];
        var rows = new List<IReadOnlyList<string>>();
        var chart = new List<ReportBar>();
        foreach (var (name, figures) in lines)
        {
            var totals = FigureTotals.Of(figures, WorkloadCounters.Timed);
            rows.Add([name, Number(texts, totals[WorkloadCounters.Open]), Number(texts, totals[WorkloadCounters.Claimed]), Number(texts, totals[WorkloadCounters.TakenOn]),
                Number(texts, totals[WorkloadCounters.Resolved]), Duration(texts, totals.Percentile(WorkloadCounters.FirstResponse, 50))]);
            chart.Add(new ReportBar(name, totals[WorkloadCounters.Open]));
        }
        return new ReportTable("workload", texts.Reports_Workload, columns, rows, chart);
    }

    private static List<FigureRow> Of(string hash, List<FigureRow> days, IReadOnlyDictionary<string, FigureRow> now) =>
        [.. days.Where(r => r.Value == hash), .. now.TryGetValue(hash, out var row) ? [row] : Array.Empty<FigureRow>()];

    /// <summary>The people listed, each once, by name (a person without one in the directory by their key).</summary>
    private async Task<List<(string Name, string Hash)>> PeopleAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var departments = (await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
            .Where(d => viewer.SeesDistrict || viewer.Departments!.Contains(d.Code.ToUpperInvariant()))
            .Where(d => query.Department is null || string.Equals(d.Code, query.Department, StringComparison.OrdinalIgnoreCase));
        var keys = departments.SelectMany(d => new[] { d.LiaisonKey, d.BackupKey }).OfType<string>().ToList();
        var people = new List<Person>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } person)
            {
                people.Add(person);
            }
        }
        if (viewer.SeesDistrict && query.Department is null)
        {
            people.AddRange(await directory.ListAdministratorsAsync(cancellationToken).ConfigureAwait(false));
        }
        return [.. people.DistinctBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Name ?? p.Key, WorkloadCounters.Of(p.Key)))];
    }
}
