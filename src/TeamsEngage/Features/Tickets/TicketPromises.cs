using Microsoft.Extensions.Options;
using TeamsEngage.Catalogue;
using TeamsEngage.People;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// How long a ticket's promise is, in school hours: the service's promise for the ticket's urgency where the ticket
/// names a service that sets one, else the department's, else the configured default.
/// </summary>
public sealed class TicketPromises(ServiceCatalogue catalogue, IOptions<TicketsOptions> options)
{
    /// <summary>The catalogue service a ticket or form names, or null when it names none or one that no longer exists.</summary>
    public async Task<CatalogueService?> ServiceAsync(string? serviceId, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(serviceId) ? null : await catalogue.FindAsync(serviceId.Trim().ToLowerInvariant(), cancellationToken).ConfigureAwait(false);

    public TimeSpan PromiseFor(CatalogueService? service, Department? department, TicketUrgency urgency) =>
        TimeSpan.FromHours(service?.Promise.HoursFor(UrgencyOf(urgency)) ?? department?.ResponseHours ?? options.Value.DefaultResponseHours);

    /// <summary>The promise of an existing ticket, reading its service again (its promise may have been changed since).</summary>
    public async Task<TimeSpan> PromiseForAsync(Ticket ticket, Department? department, CancellationToken cancellationToken) =>
        PromiseFor(await ServiceAsync(ticket.ServiceId, cancellationToken).ConfigureAwait(false), department, ticket.Urgency);

    public static PromiseUrgency UrgencyOf(TicketUrgency urgency) => urgency switch
    {
        TicketUrgency.StoppingClass => PromiseUrgency.High,
        TicketUrgency.InTheWay => PromiseUrgency.Normal,
        _ => PromiseUrgency.Low,
    };
}
