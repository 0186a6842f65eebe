using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary><c>my issues</c>: what a reporter has open or closed lately (IT's <c>queue</c> is <see cref="TicketQueueDesk"/>).</summary>
public sealed class TicketLists(TicketStore tickets, IOptions<TicketsOptions> options, TimeProvider clock)
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
}
