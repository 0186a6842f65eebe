using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// What a ticket change adds to the reports, written when the change is stored: opened; first response (the first claim
/// or reply, with its wait); resolved (with the time since it was reported) and whether the promise was kept; escalated;
/// reopened; rated. Each is counted by department, service and urgency.
/// </summary>
public sealed class TicketFigures(IReportFigures figures, TicketWorkload workload)
{
    /// <summary>
    /// Counts what <paramref name="events"/>, just written with <paramref name="ticket"/> over <paramref name="before"/>
    /// (null for a new ticket), mean for the reports.
    /// </summary>
    public async Task CountAsync(Ticket? before, Ticket ticket, IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        var dimensions = DimensionsOf(ticket);
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case TicketEventKind.Created:
                    await figures.RecordAsync(new Figure(TicketCounters.Area, TicketCounters.Opened, e.At, dimensions), cancellationToken).ConfigureAwait(false);
                    if (ticket.NoticeId is { } notice)
                    {
                        await figures.RecordAsync(new Figure(NoticeCounters.Area, NoticeCounters.Concern, e.At, [dimensions[0], new("notice", notice)]), cancellationToken).ConfigureAwait(false);
                    }
                    break;
                case TicketEventKind.Claimed or TicketEventKind.LiaisonReply:
                    if (await figures.RecordOnceAsync("first-response|" + ticket.Id, new Figure(TicketCounters.Area, TicketCounters.FirstResponse, e.At, dimensions, e.At - ticket.CreatedAt), cancellationToken).ConfigureAwait(false))
                    {
                        await workload.FirstResponseAsync(e.ActorKey, e.At, e.At - ticket.CreatedAt, cancellationToken).ConfigureAwait(false);
                    }
                    break;
                case TicketEventKind.Resolved:
                    await figures.RecordAsync(new Figure(TicketCounters.Area, TicketCounters.Resolved, e.At, dimensions, e.At - ticket.CreatedAt), cancellationToken).ConfigureAwait(false);
                    await figures.RecordAsync(new Figure(TicketCounters.Area, e.At <= ticket.DueAt ? TicketCounters.PromiseKept : TicketCounters.PromiseMissed, e.At, dimensions), cancellationToken).ConfigureAwait(false);
                    break;
                case TicketEventKind.Escalated or TicketEventKind.Reopened:
                    await figures.RecordAsync(new Figure(TicketCounters.Area, e.Kind == TicketEventKind.Escalated ? TicketCounters.Escalated : TicketCounters.Reopened, e.At, dimensions), cancellationToken).ConfigureAwait(false);
                    break;
                case TicketEventKind.Rated when ticket.Rating is { } rating:
                    await CountRatingAsync(ticket, rating, e.At, dimensions, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        await workload.CountAsync(before, ticket, events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A rating changed later counts as first given: the first rating after each resolution is the one counted.</summary>
    private async Task CountRatingAsync(Ticket ticket, int rating, DateTimeOffset at, FigureDimension[] dimensions, CancellationToken cancellationToken)
    {
        var once = "rated|" + ticket.Id + "|" + ticket.ResolvedAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await figures.RecordOnceAsync(once, new Figure(TicketCounters.Area, TicketCounters.Rated, at, dimensions), cancellationToken).ConfigureAwait(false))
        {
            await figures.RecordAsync(new Figure(TicketCounters.Area, TicketCounters.RatingSum, at, dimensions, Amount: rating), cancellationToken).ConfigureAwait(false);
        }
    }

    private static FigureDimension[] DimensionsOf(Ticket ticket) =>
    [
        new("dept", ticket.DepartmentCode.ToUpperInvariant()),
        new("service", ticket.ServiceId ?? "-"),
        new("urgency", ticket.Urgency.ToString()),
    ];
}
