using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>The lists people ask for: <c>my issues</c> for reporters, <c>queue</c> for IT.</summary>
public sealed class TicketLists(TicketStore tickets, TicketPeople people, IOptions<TicketsOptions> options, TimeProvider clock)
{
    /// <summary>The caller's open tickets and those closed recently, open ones first.</summary>
    public async Task MyIssuesAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.Value.RecentlyClosed;
        var mine = new List<Ticket>();
        await foreach (var ticket in tickets.ListByReporterAsync(command.Caller.UserId, cancellationToken).ConfigureAwait(false))
        {
            if (ticket.IsOpen || ticket.ResolvedAt >= since)
            {
                mine.Add(ticket);
            }
        }
        var ordered = mine.OrderBy(t => t.IsOpen ? 0 : 1).ThenByDescending(t => t.CreatedAt).ToList();
        var card = TicketCards.MyIssues(ordered, command.Texts, PeopleTime.ZoneOrUtc(command.Turn.Activity.GetTimeZone()));
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Tickets_MyIssuesTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Open tickets of the liaison's departments and those given to them (every one for administrators), oldest promise first.</summary>
    public async Task QueueAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var codes = (await people.DepartmentsOfAsync(caller, cancellationToken).ConfigureAwait(false))
            .Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var me = (await people.PersonOfAsync(caller, cancellationToken).ConfigureAwait(false))?.Key;
        var everything = caller.Has(Role.Administrator);
        var queue = new List<Ticket>();
        await foreach (var ticket in tickets.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (everything || codes.Contains(ticket.DepartmentCode) || TicketPeople.Same(me, ticket.AssigneeKey) || TicketPeople.Same(me, ticket.ClaimedByKey))
            {
                queue.Add(ticket);
            }
        }
        var card = TicketStaffCards.Queue([.. queue.OrderBy(t => t.DueAt)], command.Texts, clock.GetUtcNow());
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Tickets_QueueTitle), cancellationToken).ConfigureAwait(false);
    }
}
