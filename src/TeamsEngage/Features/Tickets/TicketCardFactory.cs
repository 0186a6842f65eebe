using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Tickets;

/// <summary>Gathers what the pure card builders need (history, reassignment targets) and builds the card.</summary>
public sealed class TicketCardFactory(TicketStore tickets, TicketFiles files, IPeopleDirectory directory, TicketPeople people, TimeProvider clock)
{
    /// <summary>
    /// The staff card as <paramref name="viewer"/> should see it: with every action while they may handle the ticket;
    /// once it has changed hands away from them, without actions and saying who has it now.
    /// </summary>
    public async Task<AdaptiveCard> StaffAsync(Ticket ticket, Texts texts, TimeZoneInfo zone, string? eventKey, TicketViewer viewer, CancellationToken cancellationToken)
    {
        var history = await tickets.HistoryAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        var cause = eventKey is null ? null : history.FirstOrDefault(e => e.RowKey == eventKey);
        // A card in a shared place (a department's channel) names nobody: the press itself is checked.
        if (ticket.IsOpen && viewer.PersonKey is not null && !await people.MayHandleAsync(viewer, ticket, cancellationToken).ConfigureAwait(false))
        {
            var elsewhere = texts.Tickets_NoLongerYours(ticket.Id, TicketCards.HandlerText(ticket, texts));
            return TicketStaffCards.Ticket(ticket, history, texts, zone, clock.GetUtcNow(), [], elsewhere, mayAct: false);
        }
        var targets = ticket.IsOpen ? await ReassignTargetsAsync(ticket, texts, cancellationToken).ConfigureAwait(false) : [];
        var pictures = new List<Uri>();
        foreach (var file in await files.ListAsync(ticket.Id, cancellationToken).ConfigureAwait(false))
        {
            pictures.Add(await files.LinkAsync(ticket.Id, file.Number, cancellationToken).ConfigureAwait(false));
        }
        return TicketStaffCards.Ticket(ticket, history, texts, zone, clock.GetUtcNow(), targets, Banner(ticket, cause, texts), pictures: pictures);
    }

    public static AdaptiveCard Reporter(Ticket ticket, Texts texts, TimeZoneInfo zone) => TicketCards.Reporter(ticket, texts, zone);

    private async Task<IReadOnlyList<Choice>> ReassignTargetsAsync(Ticket ticket, Texts texts, CancellationToken cancellationToken)
    {
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var choices = new List<Choice>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in departments.SelectMany(d => new[] { d.LiaisonKey, d.BackupKey }).OfType<string>())
        {
            if (seen.Add(key) && !TicketPeople.Same(key, ticket.ClaimedByKey ?? ticket.AssigneeKey)
                && await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) is { Name: { } name })
            {
                choices.Add(new Choice(texts.Tickets_TargetPerson(CardText.Clean(name)), "p:" + key));
            }
        }
        choices.AddRange(departments
            .Where(d => !string.Equals(d.Code, ticket.DepartmentCode, StringComparison.OrdinalIgnoreCase))
            .Select(d => new Choice(texts.Tickets_TargetDepartment(CardText.Clean(d.Name), d.Code), "d:" + d.Code)));
        if (ticket.AssigneeKey is not null || ticket.Status == TicketStatus.Claimed)
        {
            choices.Add(new Choice(texts.Tickets_TargetAdministrators, TicketReassignment.ToAdministrators));
        }
        if (ticket.Status == TicketStatus.Claimed)
        {
            choices.Add(new Choice(texts.Tickets_TargetRelease(CardText.Clean(ticket.ClaimedByName ?? texts.Tickets_Someone)), TicketReassignment.Release));
        }
        return choices;
    }

    private static string? Banner(Ticket ticket, TicketEvent? cause, Texts texts) => cause?.Kind switch
    {
        TicketEventKind.Escalated => texts.Tickets_BannerEscalated(ticket.Id),
        TicketEventKind.Reminded => texts.Tickets_BannerReminder(ticket.Id),
        TicketEventKind.Reassigned => texts.Tickets_BannerReassigned(ticket.Id, CardText.Escape(cause.ActorName ?? texts.Tickets_Someone)),
        TicketEventKind.Reopened => texts.Tickets_BannerReopened(ticket.Id),
        TicketEventKind.Released => texts.Tickets_BannerReleased(ticket.Id, CardText.Escape(cause.ActorName ?? texts.Tickets_Someone)),
        _ => null,
    };
}
