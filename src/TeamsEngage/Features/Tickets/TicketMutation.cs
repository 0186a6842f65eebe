using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>What a change function decided: a new state with history entries, a refusal, or nothing to do.</summary>
public sealed record TicketDecision(Ticket? Changed, IReadOnlyList<TicketEvent> Events, string? Refusal)
{
    public static TicketDecision Change(Ticket changed, params TicketEvent[] events) => new(changed, events, null);

    public static TicketDecision Refuse(string message) => new(null, [], message);

    public static TicketDecision Nothing { get; } = new(null, [], null);
}

/// <summary>The result of a change: the ticket as stored now, the events written, or the refusal.</summary>
public sealed record TicketOutcome(Ticket? Ticket, IReadOnlyList<TicketEvent> Events, string? Refusal)
{
    public bool Changed => Events.Count > 0;
}

/// <summary>Read, decide, write with the read ETag; when someone else wrote first, read again and decide again.</summary>
public sealed class TicketMutation(TicketStore tickets)
{
    private const int MaxAttempts = 8;

    public async Task<TicketOutcome> ApplyAsync(string ticketId, string notFound, Func<Ticket, TicketDecision> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var ticket = await tickets.FindAsync(ticketId, cancellationToken).ConfigureAwait(false);
            if (ticket is null)
            {
                return new TicketOutcome(null, [], notFound);
            }
            var decision = decide(ticket);
            if (decision.Refusal is not null)
            {
                return new TicketOutcome(ticket, [], decision.Refusal);
            }
            if (decision.Changed is null)
            {
                return new TicketOutcome(ticket, [], null);
            }
            try
            {
                var stored = await tickets.UpdateAsync(decision.Changed with { ETag = ticket.ETag }, decision.Events, cancellationToken).ConfigureAwait(false);
                return new TicketOutcome(stored, decision.Events, null);
            }
            catch (StoreBatchException e) when (e.InnerException is StorePreconditionFailedException or StoreNotFoundException)
            {
                // Another request changed the ticket between our read and write: decide again on what it is now.
            }
        }
        throw new InvalidOperationException($"Ticket {ticketId} kept changing; gave up after {MaxAttempts} attempts.");
    }
}
