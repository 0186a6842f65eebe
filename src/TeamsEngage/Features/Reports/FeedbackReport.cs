using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>The feedback page: items raised, items given an outcome and how long it took, moves by status.</summary>
public sealed class FeedbackReport(FigureStore store)
{
    public async Task<ReportDocument> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var data = await ReportData.LoadAsync(store, FeedbackCounters.Area, viewer, query, FeedbackCounters.Timed, cancellationToken).ConfigureAwait(false);
        var now = data.Totals();
        var before = data.Totals(previous: true);
        ReportTile[] tiles =
        [
            new(texts.Reports_Raised, Number(texts, now[FeedbackCounters.Raised]), Number(texts, before[FeedbackCounters.Raised]), Change(texts, now[FeedbackCounters.Raised], before[FeedbackCounters.Raised])),
            new(texts.Reports_Outcomes, Number(texts, now[FeedbackCounters.Outcome]), Number(texts, before[FeedbackCounters.Outcome]), Change(texts, now[FeedbackCounters.Outcome], before[FeedbackCounters.Outcome])),
            new(texts.Reports_OutcomeMedian, Duration(texts, now.Percentile(FeedbackCounters.Outcome, 50)), Duration(texts, before.Percentile(FeedbackCounters.Outcome, 50))),
        ];
        var departments = data.By("dept");
        List<ReportTable> tables =
        [
            new("by-department", texts.Reports_ByDepartment, [texts.Reports_Group, texts.Reports_Raised, texts.Reports_Outcomes],
                [.. departments.Select(g => (IReadOnlyList<string>)[g.Value == "-" ? texts.Reports_NoDepartment : g.Value, Number(texts, g.Totals[FeedbackCounters.Raised]), Number(texts, g.Totals[FeedbackCounters.Outcome])])],
                [.. departments.Select(g => new ReportBar(g.Value == "-" ? texts.Reports_NoDepartment : g.Value, g.Totals[FeedbackCounters.Raised]))]),
        ];
        if (data.District)
        {
            var statuses = data.By("status");
            tables.Add(new("by-status", texts.Reports_ByStatus, [texts.Reports_Group, texts.Reports_Count],
                [.. statuses.Select(g => (IReadOnlyList<string>)[g.Value, Number(texts, g.Totals[FeedbackCounters.Moved])])],
                [.. statuses.Select(g => new ReportBar(g.Value, g.Totals[FeedbackCounters.Moved]))]));
        }
        return new ReportDocument(ReportPageNames.Feedback, texts.Reports_Feedback, [new(texts.Reports_Feedback, tiles, tables)]);
    }
}
