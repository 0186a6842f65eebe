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
        return await MayHandleAsync(context.Caller, ticket, cancellationToken).ConfigureAwait(false)
            ? EntityAccess.Granted(ticket)
            : EntityAccess.Refused<Ticket>();
    }

    /// <summary>IT for this ticket: an administrator, its assignee or claimer, or its department's liaison or backup.</summary>
    private async Task<bool> MayHandleAsync(Caller caller, Ticket ticket, CancellationToken cancellationToken)
    {
        if (caller.Has(Role.Administrator))
        {
            return true;
        }
        if ((await people.PersonOfAsync(caller, cancellationToken).ConfigureAwait(false))?.Key is not { } key)
        {
            return false;
        }
        if (TicketPeople.Same(key, ticket.AssigneeKey) || TicketPeople.Same(key, ticket.ClaimedByKey))
        {
            return true;
        }
        var department = await people.DepartmentAsync(ticket.DepartmentCode, cancellationToken).ConfigureAwait(false);
        return department is not null && (TicketPeople.Same(key, department.LiaisonKey) || TicketPeople.Same(key, department.BackupKey));
    }
}
