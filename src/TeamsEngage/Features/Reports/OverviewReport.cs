using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>The overview: the period against the one before, one line per area, and tickets opened per day.</summary>
public sealed class OverviewReport(FigureStore store)
{
    public async Task<ReportDocument> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var tickets = await ReportData.LoadAsync(store, TicketCounters.Area, viewer, query, TicketCounters.Timed, cancellationToken).ConfigureAwait(false);
        var notices = await ReportData.LoadAsync(store, NoticeCounters.Area, viewer, query, [], cancellationToken).ConfigureAwait(false);
        var polls = await ReportData.LoadAsync(store, PollCounters.Area, viewer, query, [], cancellationToken).ConfigureAwait(false);
        var feedback = await ReportData.LoadAsync(store, FeedbackCounters.Area, viewer, query, [], cancellationToken).ConfigureAwait(false);
        (string Label, ReportData Data, string Counter)[] lines =
        [
            (texts.Reports_Opened, tickets, TicketCounters.Opened),
            (texts.Reports_Resolved, tickets, TicketCounters.Resolved),
            (texts.Reports_Delivered, notices, NoticeCounters.Delivered),
            (texts.Reports_Acknowledged, notices, NoticeCounters.Acknowledged),
            (texts.Reports_Answered, polls, PollCounters.Answered),
            (texts.Reports_Raised, feedback, FeedbackCounters.Raised),
        ];
        var tiles = lines.Select(l => (Line: l, Now: l.Data.Totals()[l.Counter], Before: l.Data.Totals(previous: true)[l.Counter]))
            .Select(x => new ReportTile(x.Line.Label, Number(texts, x.Now), Number(texts, x.Before), Change(texts, x.Now, x.Before))).ToList();
        var daily = tickets.Daily(TicketCounters.Opened);
        var table = new ReportTable("opened-per-day", texts.Reports_Opened + " · " + texts.Reports_Daily, [texts.Reports_Day, texts.Reports_Opened],
            [.. daily.Select(d => (IReadOnlyList<string>)[Day(d.Day), Number(texts, d.Count)])],
            [.. daily.Select(d => new ReportBar(Day(d.Day), d.Count))]);
        return new ReportDocument(ReportPageNames.Overview, texts.Reports_Overview, [new(texts.Reports_Overview, tiles, [table])]);
    }
}
