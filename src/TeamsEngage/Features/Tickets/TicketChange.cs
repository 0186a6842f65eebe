using TeamsEngage.Bot;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>A change to a ticket: its new state and the history entries written with it, in one batch.</summary>
public sealed record TicketChange(Ticket Ticket, IReadOnlyList<TicketEvent> Events)
{
    /// <summary>Write <paramref name="changed"/> with <paramref name="events"/>.</summary>
    public static Decision<TicketChange> Write(Ticket changed, params TicketEvent[] events) => Decision.Write(new TicketChange(changed, events));
}

/// <summary>How the end of a ticket change reads to the person who pressed the button.</summary>
public static class TicketChangeResults
{
    /// <summary>The answer when the change did not leave a ticket to show (refused, gone, contended); null when it did.</summary>
    public static CardActionResult? Unanswered(this UpdateResult<Ticket, TicketChange> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            UpdateOutcome.Refused => CardActionResult.WithMessage(result.Refusal!),
            UpdateOutcome.NotFound => CardActionResult.NotFound,
            UpdateOutcome.Contended => CardActionResult.ChangedMeanwhile,
            _ => null,
        };
    }
}
