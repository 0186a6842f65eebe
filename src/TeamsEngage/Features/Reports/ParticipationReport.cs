using Microsoft.Extensions.Options;
using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// Participation and equity: who was asked against who answered, by department and by role. A group asked fewer than
/// the polls' minimum group size is never shown, nor the groups withheld with it (<see cref="SmallGroups"/>); groups
/// shown below the rate of everyone the viewer sees are listed.
/// </summary>
public sealed class ParticipationReport(FigureStore store, IOptions<ReportsOptions> options)
{
    public async Task<ReportDocument> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var data = await ReportData.LoadAsync(store, PollCounters.Area, viewer, query, [], cancellationToken).ConfigureAwait(false);
        var minimum = options.Value.MinGroupSize;
        var now = data.Totals();
        var before = data.Totals(previous: true);
        if (await WithheldAsync(viewer, query, now, minimum, cancellationToken).ConfigureAwait(false))
        {
            // The department chosen, or all the viewer sees, is a small group (or one withheld with one): nothing of it shows.
            now = FigureTotals.Of([]);
            before = FigureTotals.Of([]);
        }
        var asked = now[PollCounters.Asked];
        var answered = now[PollCounters.Answered];
        var rate = asked == 0 ? 0 : (double)answered / asked;
        var departments = asked == 0 ? [] : Shown(data.By("dept"), minimum);
        var roles = asked == 0 ? [] : Shown(data.By("role"), minimum);
        var below = departments.Concat(roles).Where(g => (double)g.Totals[PollCounters.Answered] / g.Totals[PollCounters.Asked] < rate).ToList();
        ReportTile[] tiles =
        [
            new(texts.Reports_Asked, Number(texts, asked), Number(texts, before[PollCounters.Asked]), Change(texts, asked, before[PollCounters.Asked])),
            new(texts.Reports_Answered, Number(texts, answered), Number(texts, before[PollCounters.Answered]), Change(texts, answered, before[PollCounters.Answered])),
            new(texts.Reports_AnswerRate, Share(texts, answered, asked), Share(texts, before[PollCounters.Answered], before[PollCounters.Asked])),
        ];
        List<ReportTable> tables = [Table(texts, "by-department", texts.Reports_ByDepartment, departments, v => v == "-" ? texts.Reports_NoDepartment : v)];
        if (data.District)
        {
            tables.Add(Table(texts, "by-role", texts.Reports_ByRole, roles, v => RoleName(texts, v)));
        }
        tables.Add(Table(texts, "below-rate", texts.Reports_BelowRate, below, v => v));
        var note = texts.Reports_DistrictRate(Share(texts, answered, asked)) + " " + texts.Reports_Suppressed(minimum) + (below.Count == 0 ? " " + texts.Reports_NoneBelow : string.Empty);
        return new ReportDocument(ReportPageNames.Participation, texts.Reports_Participation, [new(texts.Reports_Participation, tiles, tables, note)]);
    }

    /// <summary>
    /// Whether the period's numbers must be withheld: when everything the viewer sees was asked of fewer than the minimum,
    /// or the department chosen is one the unfiltered table hides (alone or with others).
    /// </summary>
    private async Task<bool> WithheldAsync(ReportViewer viewer, ReportQuery query, FigureTotals now, int minimum, CancellationToken cancellationToken)
    {
        if (now[PollCounters.Asked] < minimum)
        {
            return true;
        }
        if (query.Department is not { } chosen)
        {
            return false;
        }
        var all = await ReportData.LoadAsync(store, PollCounters.Area, viewer, query with { Department = null }, [], cancellationToken).ConfigureAwait(false);
        return SmallGroups.Hidden([.. all.By("dept").Select(g => (g.Value, g.Totals[PollCounters.Asked]))], minimum).Contains(chosen);
    }

    /// <summary>The groups that may be shown: the small ones and those withheld with them are left out.</summary>
    private static List<(string Value, FigureTotals Totals)> Shown(IReadOnlyList<(string Value, FigureTotals Totals)> groups, int minimum)
    {
        var hidden = SmallGroups.Hidden([.. groups.Select(g => (g.Value, g.Totals[PollCounters.Asked]))], minimum);
        return [.. groups.Where(g => !hidden.Contains(g.Value))];
    }

    private static string RoleName(Texts texts, string role) =>
        role is "member" or "liaison" or "administrator" ? texts[$"Reports_Role_{role}"] : role;

    private static ReportTable Table(Texts texts, string id, string caption, List<(string Value, FigureTotals Totals)> groups, Func<string, string> name)
    {
        var rows = groups.Select(g => (IReadOnlyList<string>)
        [
            name(g.Value),
            Number(texts, g.Totals[PollCounters.Asked]),
            Number(texts, g.Totals[PollCounters.Answered]),
            Share(texts, g.Totals[PollCounters.Answered], g.Totals[PollCounters.Asked]),
        ]).ToList();
        var chart = groups.Select(g => new ReportBar(name(g.Value), Math.Round(100.0 * g.Totals[PollCounters.Answered] / g.Totals[PollCounters.Asked]))).ToList();
        return new ReportTable(id, caption, [texts.Reports_Group, texts.Reports_Asked, texts.Reports_Answered, texts.Reports_AnswerRate], rows, chart);
    }
}
