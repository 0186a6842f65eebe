using TeamsEngage.People;

namespace TeamsEngage.Features.Tickets;

/// <summary>The directory asks before removing a department: how many of its tickets are still open.</summary>
public sealed class TicketOpenCounter(TicketStore tickets) : IDepartmentWork
{
    public async Task<int> CountOpenAsync(string departmentCode, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var ticket in tickets.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(ticket.DepartmentCode, departmentCode, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }
        return count;
    }
}
