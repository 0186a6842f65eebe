using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>The notices page: reach, acknowledgement by department and by notice, and concerns raised.</summary>
public sealed class NoticesReport(FigureStore store)
{
    public async Task<ReportDocument> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var data = await ReportData.LoadAsync(store, NoticeCounters.Area, viewer, query, NoticeCounters.Timed, cancellationToken).ConfigureAwait(false);
        var now = data.Totals();
        var before = data.Totals(previous: true);
        ReportTile[] tiles =
        [
            new(texts.Reports_Delivered, Number(texts, now[NoticeCounters.Delivered]), Number(texts, before[NoticeCounters.Delivered]), Change(texts, now[NoticeCounters.Delivered], before[NoticeCounters.Delivered])),
            new(texts.Reports_Acknowledged, Number(texts, now[NoticeCounters.Acknowledged]), Number(texts, before[NoticeCounters.Acknowledged]), Change(texts, now[NoticeCounters.Acknowledged], before[NoticeCounters.Acknowledged])),
            new(texts.Reports_AckRate, Share(texts, now[NoticeCounters.Acknowledged], now[NoticeCounters.Delivered]), Share(texts, before[NoticeCounters.Acknowledged], before[NoticeCounters.Delivered])),
            new(texts.Reports_AckMedian, Duration(texts, now.Percentile(NoticeCounters.Acknowledged, 50)), Duration(texts, before.Percentile(NoticeCounters.Acknowledged, 50))),
            new(texts.Reports_Concerns, Number(texts, now[NoticeCounters.Concern]), Number(texts, before[NoticeCounters.Concern]), Change(texts, now[NoticeCounters.Concern], before[NoticeCounters.Concern])),
        ];
        List<ReportTable> tables = [Table(texts, "by-department", texts.Reports_ByDepartment, data.By("dept"), v => v == "-" ? texts.Reports_NoDepartment : v)];
        if (data.District)
        {
            tables.Add(Table(texts, "by-notice", texts.Reports_Notices, data.By("notice"), v => v));
        }
        return new ReportDocument(ReportPageNames.Notices, texts.Reports_Notices, [new(texts.Reports_Notices, tiles, tables)]);
    }

    private static ReportTable Table(Texts texts, string id, string caption, IReadOnlyList<(string Value, FigureTotals Totals)> groups, Func<string, string> name)
    {
        var rows = groups.Select(g => (IReadOnlyList<string>)
        [
            name(g.Value),
            Number(texts, g.Totals[NoticeCounters.Delivered]),
            Number(texts, g.Totals[NoticeCounters.Acknowledged]),
            Share(texts, g.Totals[NoticeCounters.Acknowledged], g.Totals[NoticeCounters.Delivered]),
            Number(texts, g.Totals[NoticeCounters.Concern]),
        ]).ToList();
        var chart = groups.Select(g => new ReportBar(name(g.Value), g.Totals[NoticeCounters.Acknowledged])).ToList();
        return new ReportTable(id, caption, [texts.Reports_Group, texts.Reports_Delivered, texts.Reports_Acknowledged, texts.Reports_AckRate, texts.Reports_Concerns], rows, chart);
    }
}
