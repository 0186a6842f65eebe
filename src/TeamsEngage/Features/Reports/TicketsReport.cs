using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>The tickets page: volume, response and resolution times, promises, escalations, reopenings, ratings and each liaison's workload.</summary>
public sealed class TicketsReport(FigureStore store, WorkloadReport workload)
{
    public async Task<ReportDocument> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var data = await ReportData.LoadAsync(store, TicketCounters.Area, viewer, query, TicketCounters.Timed, cancellationToken).ConfigureAwait(false);
        if (query.Service is { } service && data.District)
        {
            // One service: its numbers for the district, nothing broken down (the figures do not cross service and department).
            var one = data.Focused("service", service);
            var heading = texts.Reports_Tickets + " · " + (service == "-" ? texts.Reports_NoService : service);
            return new ReportDocument(ReportPageNames.Tickets, texts.Reports_Tickets, [new(heading, Tiles(texts, one.Totals(), one.Totals(previous: true)), [], texts.Reports_FocusNote)]);
        }
        var now = data.Totals();
        var before = data.Totals(previous: true);
        var sections = new List<ReportSection>
        {
            new(texts.Reports_Tickets, Tiles(texts, now, before), [Breakdown(texts, "by-department", texts.Reports_ByDepartment, data.By("dept"), v => v == "-" ? texts.Reports_NoDepartment : v)]),
        };
        if (data.District)
        {
            var services = data.By("service");
            var links = services.Select(g => (string?)("/reports/" + ReportPageNames.Tickets + ReportQueries.ToQueryString(query with { Service = g.Value }))).ToList();
            sections.Add(new(texts.Reports_ByService, [], [Breakdown(texts, "by-service", texts.Reports_ByService, services, v => v == "-" ? texts.Reports_NoService : v) with { Links = links }]));
            sections.Add(new(texts.Reports_ByUrgency, [], [Breakdown(texts, "by-urgency", texts.Reports_ByUrgency, data.By("urgency"), v => texts[$"Reports_Urgency_{v}"])]));
        }
        sections.Add(new(texts.Reports_Workload, [], [await workload.BuildAsync(viewer, query, cancellationToken).ConfigureAwait(false)], texts.Reports_WorkloadNote));
        return new ReportDocument(ReportPageNames.Tickets, texts.Reports_Tickets, sections);
    }

    private static List<ReportTile> Tiles(Texts texts, FigureTotals now, FigureTotals before)
    {
        long Kept(FigureTotals t) => t[TicketCounters.PromiseKept];
        long Promised(FigureTotals t) => t[TicketCounters.PromiseKept] + t[TicketCounters.PromiseMissed];
        return
        [
            Counted(texts, texts.Reports_Opened, now[TicketCounters.Opened], before[TicketCounters.Opened]),
            Counted(texts, texts.Reports_Resolved, now[TicketCounters.Resolved], before[TicketCounters.Resolved]),
            Timed(texts, texts.Reports_FirstResponseMedian, now, before, TicketCounters.FirstResponse, 50),
            Timed(texts, texts.Reports_FirstResponseP90, now, before, TicketCounters.FirstResponse, 90),
            Timed(texts, texts.Reports_ResolutionMedian, now, before, TicketCounters.Resolved, 50),
            Timed(texts, texts.Reports_ResolutionP90, now, before, TicketCounters.Resolved, 90),
            new(texts.Reports_PromisesKept, Share(texts, Kept(now), Promised(now)), Share(texts, Kept(before), Promised(before))),
            Counted(texts, texts.Reports_Escalated, now[TicketCounters.Escalated], before[TicketCounters.Escalated]),
            new(texts.Reports_ReopenRate, Share(texts, now[TicketCounters.Reopened], now[TicketCounters.Resolved]), Share(texts, before[TicketCounters.Reopened], before[TicketCounters.Resolved])),
            new(texts.Reports_Rating, Average(texts, now[TicketCounters.RatingSum], now[TicketCounters.Rated]), Average(texts, before[TicketCounters.RatingSum], before[TicketCounters.Rated])),
        ];
    }

    private static ReportTile Counted(Texts texts, string label, long now, long before) =>
        new(label, Number(texts, now), Number(texts, before), Change(texts, now, before));

    private static ReportTile Timed(Texts texts, string label, FigureTotals now, FigureTotals before, string counter, double percentile) =>
        new(label, Duration(texts, now.Percentile(counter, percentile)), Duration(texts, before.Percentile(counter, percentile)));

    private static ReportTable Breakdown(Texts texts, string id, string caption, IReadOnlyList<(string Value, FigureTotals Totals)> groups, Func<string, string> name)
    {
        string[] columns = [texts.Reports_Group, texts.Reports_Opened, texts.Reports_Resolved, texts.Reports_FirstResponseMedian, texts.Reports_ResolutionMedian, texts.Reports_PromisesKept, texts.Reports_Escalated, texts.Reports_Reopened, texts.Reports_Rating];
        var rows = groups.Select(g => (IReadOnlyList<string>)
        [
            name(g.Value),
            Number(texts, g.Totals[TicketCounters.Opened]),
            Number(texts, g.Totals[TicketCounters.Resolved]),
            Duration(texts, g.Totals.Percentile(TicketCounters.FirstResponse, 50)),
            Duration(texts, g.Totals.Percentile(TicketCounters.Resolved, 50)),
            Share(texts, g.Totals[TicketCounters.PromiseKept], g.Totals[TicketCounters.PromiseKept] + g.Totals[TicketCounters.PromiseMissed]),
            Number(texts, g.Totals[TicketCounters.Escalated]),
            Number(texts, g.Totals[TicketCounters.Reopened]),
            Average(texts, g.Totals[TicketCounters.RatingSum], g.Totals[TicketCounters.Rated]),
        ]).ToList();
        var chart = groups.Select(g => new ReportBar(name(g.Value), g.Totals[TicketCounters.Opened])).ToList();
        return new ReportTable(id, caption, columns, rows, chart);
    }
}
