namespace TeamsEngage.People;

/// <summary>Counts a department's open tickets, so a department with open work cannot be removed. The tickets feature replaces the default.</summary>
public interface IOpenTicketCounter
{
    Task<int> CountOpenAsync(string departmentCode, CancellationToken cancellationToken);
}

/// <summary>The default until the tickets feature registers its own: no department has open tickets.</summary>
internal sealed class NoOpenTickets : IOpenTicketCounter
{
    public Task<int> CountOpenAsync(string departmentCode, CancellationToken cancellationToken) => Task.FromResult(0);
}
