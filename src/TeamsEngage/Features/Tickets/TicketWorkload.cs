using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// What a ticket change adds to its handlers' workload, written when the change is stored: a claim is a ticket taken on
/// by the claimer, a resolution one resolved by whoever resolved it, and the ticket's first response is timed for whoever
/// gave it. The open tickets each person holds now (claimed by them, else assigned to them) and those they have claimed
/// move with every change, from the ticket as it was to the ticket as written, so a reassignment or a release moves them.
/// </summary>
public sealed class TicketWorkload(IReportFigures figures, StandingFigures standing)
{
    public async Task CountAsync(Ticket? before, Ticket after, IEnumerable<TicketEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var who = e.Kind switch
            {
                TicketEventKind.Claimed => after.ClaimedByKey ?? e.ActorKey,
                TicketEventKind.Resolved => e.ActorKey,
                _ => null,
            };
            if (who is not null)
            {
                var counter = e.Kind == TicketEventKind.Claimed ? WorkloadCounters.TakenOn : WorkloadCounters.Resolved;
                await figures.RecordAsync(new Figure(WorkloadCounters.Area, counter, e.At, [Dimension(who)], InDistrict: false), cancellationToken).ConfigureAwait(false);
            }
        }
        await MoveAsync(Holder(before), Holder(after), WorkloadCounters.Open, cancellationToken).ConfigureAwait(false);
        await MoveAsync(Claimer(before), Claimer(after), WorkloadCounters.Claimed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ticket's first response, given by <paramref name="personKey"/>, timed from its report.</summary>
    public Task FirstResponseAsync(string? personKey, DateTimeOffset at, TimeSpan wait, CancellationToken cancellationToken) =>
        personKey is null
            ? Task.CompletedTask
            : figures.RecordAsync(new Figure(WorkloadCounters.Area, WorkloadCounters.FirstResponse, at, [Dimension(personKey)], wait, InDistrict: false), cancellationToken);

    private async Task MoveAsync(string? from, string? to, string counter, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return;
        }
        if (from is not null)
        {
            await standing.AddAsync(WorkloadCounters.Area, Dimension(from), counter, -1, cancellationToken).ConfigureAwait(false);
        }
        if (to is not null)
        {
            await standing.AddAsync(WorkloadCounters.Area, Dimension(to), counter, 1, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Holder(Ticket? ticket) => ticket is { IsOpen: true } ? ticket.ClaimedByKey ?? ticket.AssigneeKey : null;

    private static string? Claimer(Ticket? ticket) => ticket is { IsOpen: true } ? ticket.ClaimedByKey : null;

    private static FigureDimension Dimension(string personKey) => new(WorkloadCounters.Kind, WorkloadCounters.Of(personKey));
}
