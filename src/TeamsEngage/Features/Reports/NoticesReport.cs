using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The notices page: reach (audience, delivered, unreachable and why), acknowledgement by department and by notice, and
/// concerns raised.
/// </summary>
public sealed class NoticesReport(FigureStore store)
{
    public async Task<ReportDocument> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var data = await ReportData.LoadAsync(store, NoticeCounters.Area, viewer, query, NoticeCounters.Timed, cancellationToken).ConfigureAwait(false);
        if (query.Notice is { } notice && data.District)
        {
            // One notice: its reach and acknowledgement for the district, and why those it missed were missed.
            var one = data.Focused("notice", notice);
            var totals = one.Totals();
            return new ReportDocument(ReportPageNames.Notices, texts.Reports_Notices,
                [new(texts.Reports_Notices + " · " + notice, Tiles(texts, totals, one.Totals(previous: true)), [OverTime(texts, totals), Reasons(texts, totals)], texts.Reports_FocusNote)]);
        }
        var now = data.Totals();
        var before = data.Totals(previous: true);
        List<ReportTable> tables =
        [
            Reasons(texts, now),
            Table(texts, "by-department", texts.Reports_ByDepartment, data.By("dept"), v => v == "-" ? texts.Reports_NoDepartment : v),
        ];
        if (data.District)
        {
            var notices = data.By("notice");
            var links = notices.Select(g => (string?)("/reports/" + ReportPageNames.Notices + ReportQueries.ToQueryString(query with { Notice = g.Value }))).ToList();
            tables.Add(Table(texts, "by-notice", texts.Reports_Notices, notices, v => v) with { Links = links });
        }
        return new ReportDocument(ReportPageNames.Notices, texts.Reports_Notices, [new(texts.Reports_Notices, Tiles(texts, now, before), tables, texts.Reports_ReachNote)]);
    }

    private static ReportTile[] Tiles(Texts texts, FigureTotals now, FigureTotals before) =>
        [
            Counted(texts, texts.Reports_Audience, now[NoticeCounters.Audience], before[NoticeCounters.Audience]),
            Counted(texts, texts.Reports_Delivered, now[NoticeCounters.Delivered], before[NoticeCounters.Delivered]),
            Counted(texts, texts.Reports_Unreachable, Unreachable(now), Unreachable(before)),
            Counted(texts, texts.Reports_Acknowledged, now[NoticeCounters.Acknowledged], before[NoticeCounters.Acknowledged]),
            new(texts.Reports_AckRate, Share(texts, now[NoticeCounters.Acknowledged], now[NoticeCounters.Delivered]), Share(texts, before[NoticeCounters.Acknowledged], before[NoticeCounters.Delivered])),
            new(texts.Reports_AckMedian, Duration(texts, now.Percentile(NoticeCounters.Acknowledged, 50)), Duration(texts, before.Percentile(NoticeCounters.Acknowledged, 50))),
            Counted(texts, texts.Reports_Concerns, now[NoticeCounters.Concern], before[NoticeCounters.Concern]),
        ];

    private static readonly (string Key, TimeSpan Limit)[] Milestones =
        [("Reports_WithinHour", TimeSpan.FromHours(1)), ("Reports_WithinDay", TimeSpan.FromDays(1)), ("Reports_WithinThreeDays", TimeSpan.FromDays(3)), ("Reports_WithinWeek", TimeSpan.FromDays(7))];

    /// <summary>How many had acknowledged an hour, a day, three days and a week after their card arrived.</summary>
    private static ReportTable OverTime(Texts texts, FigureTotals totals)
    {
        var delivered = totals[NoticeCounters.Delivered];
        var points = Milestones.Select(m => (Name: texts[m.Key], Count: totals.Within(NoticeCounters.Acknowledged, m.Limit))).ToList();
        var rows = points.Select(p => (IReadOnlyList<string>)[p.Name, Number(texts, p.Count), Share(texts, p.Count, delivered)]).ToList();
        return new ReportTable("over-time", texts.Reports_AckOverTime, [texts.Reports_SinceDelivery, texts.Reports_Acknowledged, texts.Reports_AckRate], rows, [.. points.Select(p => new ReportBar(p.Name, p.Count))]);
    }

    private static ReportTile Counted(Texts texts, string label, long now, long before) =>
        new(label, Number(texts, now), Number(texts, before), Change(texts, now, before));

    private static long Unreachable(FigureTotals totals) => NoticeCounters.Reasons.Sum(r => totals[NoticeCounters.Unreachable(r)]);

    /// <summary>The unreachable of the period by reason: every reason, also those no one had, so the table reads the same each time.</summary>
    private static ReportTable Reasons(Texts texts, FigureTotals totals)
    {
        var all = Unreachable(totals);
        var reasons = NoticeCounters.Reasons.Select(r => (Name: ReasonName(texts, r), Count: totals[NoticeCounters.Unreachable(r)])).ToList();
        var rows = reasons.Select(r => (IReadOnlyList<string>)[r.Name, Number(texts, r.Count), Share(texts, r.Count, all)]).ToList();
        var chart = reasons.Select(r => new ReportBar(r.Name, r.Count)).ToList();
        return new ReportTable("unreachable", texts.Reports_UnreachableByReason, [texts.Reports_Reason, texts.Reports_People, texts.Reports_ShareOfUnreachable], rows, chart);
    }

    private static string ReasonName(Texts texts, string reason) => texts["Reports_Reason_" + reason];

    private static ReportTable Table(Texts texts, string id, string caption, IReadOnlyList<(string Value, FigureTotals Totals)> groups, Func<string, string> name)
    {
        var rows = groups.Select(g => (IReadOnlyList<string>)
        [
            name(g.Value),
            Number(texts, g.Totals[NoticeCounters.Delivered]),
            Number(texts, g.Totals[NoticeCounters.Acknowledged]),
            Share(texts, g.Totals[NoticeCounters.Acknowledged], g.Totals[NoticeCounters.Delivered]),
            Number(texts, g.Totals[NoticeCounters.Concern]),
            Number(texts, g.Totals[NoticeCounters.Audience]),
            Number(texts, Unreachable(g.Totals)),
            Share(texts, g.Totals.Within(NoticeCounters.Acknowledged, TimeSpan.FromDays(1)), g.Totals[NoticeCounters.Delivered]),
            Share(texts, g.Totals.Within(NoticeCounters.Acknowledged, TimeSpan.FromDays(7)), g.Totals[NoticeCounters.Delivered]),
        ]).ToList();
        var chart = groups.Select(g => new ReportBar(name(g.Value), g.Totals[NoticeCounters.Acknowledged])).ToList();
        return new ReportTable(id, caption, [texts.Reports_Group, texts.Reports_Delivered, texts.Reports_Acknowledged, texts.Reports_AckRate, texts.Reports_Concerns, texts.Reports_Audience, texts.Reports_Unreachable, texts.Reports_WithinDay, texts.Reports_WithinWeek], rows, chart);
    }
}
