using TeamsEngage.Bot;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Finds the ticket a card names and decides, by verb, whether the caller may act on it: the reporter's verbs
/// (<see cref="TicketVerbs.IsReporters"/>) are for the reporter alone; every other verb is for IT. Card data can be
/// forged, so this runs on every press.
/// </summary>
public sealed class TicketAccess(TicketStore tickets, TicketPeople people) : IEntityAccess<Ticket>
{
    public async Task<EntityAccess<Ticket>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        if (await tickets.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } ticket)
        {
            return EntityAccess.Missing<Ticket>();
        }
        if (TicketVerbs.IsReporters(context.Verb))
        {
            return ticket.ReporterUserId == context.Caller.UserId ? EntityAccess.Granted(ticket) : EntityAccess.NotYours<Ticket>();
        }
        var viewer = await people.ViewerAsync(context.Caller, cancellationToken).ConfigureAwait(false);
        return await people.MayHandleAsync(viewer, ticket, cancellationToken).ConfigureAwait(false)
            ? EntityAccess.Granted(ticket)
            : EntityAccess.Refused<Ticket>();
    }
}
