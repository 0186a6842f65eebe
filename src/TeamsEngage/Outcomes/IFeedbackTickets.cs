using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Outcomes;

/// <summary>A ticket as a feedback item names it.</summary>
public sealed record LinkedTicket(string Id, bool Open);

/// <summary>
/// A ticket IT opens from a feedback item. The named raiser (if any) becomes the ticket's reporter, so they follow it
/// and can rate it; for an anonymous item the person opening it reports it, and nothing of the raiser travels.
/// </summary>
public sealed record TicketFromFeedback(
    string ItemId,
    string? Description,
    string? Location,
    string? Urgency,
    string? DepartmentCode,
    string? ServiceId,
    string? RaiserUserId,
    string? RaiserKey,
    string ActorUserId,
    string? ActorKey,
    string? ActorName);

/// <summary>The ticket filed, or what is wrong with each field of the form (null where the field is fine).</summary>
public sealed record TicketFiling(LinkedTicket? Ticket, string? DescriptionError = null, string? LocationError = null, string? UrgencyError = null);

/// <summary>
/// What feedback may ask of tickets: the urgencies a ticket form offers, and a ticket filed for an item, once per item.
/// The tickets feature implements it.
/// </summary>
public interface IFeedbackTickets
{
    /// <summary>The urgencies to choose from, most urgent first, in the reader's language.</summary>
    IReadOnlyList<Choice> Urgencies(Texts texts);

    /// <summary>
    /// Files the ticket and routes it as a report would be. Pressing again (or after a crash between filing and
    /// linking) returns the ticket filed the first time instead of a second one.
    /// </summary>
    Task<TicketFiling> FileAsync(TicketFromFeedback request, Texts texts, CancellationToken cancellationToken);

    /// <summary>The ticket with <paramref name="ticketId"/>, or null.</summary>
    Task<LinkedTicket?> FindAsync(string ticketId, CancellationToken cancellationToken);
}
