using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Outcomes;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Tickets opened from feedback items, for the feedback feature: one per item, reported by the item's named raiser
/// (who gets the reporter's card) or, for an anonymous item, by the person who opened it.
/// </summary>
public sealed class TicketsForFeedback(TicketReporting reporting, TicketStore tickets, TicketPeople people, TicketNotifier notifier) : IFeedbackTickets
{
    private const string SourcePrefix = "feedback:";

    public IReadOnlyList<Choice> Urgencies(Texts texts) => TicketCards.UrgencyChoices(texts);

    public async Task<TicketFiling> FileAsync(TicketFromFeedback request, Texts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = SourcePrefix + request.ItemId;
        if (await tickets.LinkedAsync(source, cancellationToken).ConfigureAwait(false) is { } linked && await tickets.FindAsync(linked, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return new TicketFiling(new LinkedTicket(earlier.Id, earlier.IsOpen));
        }
        var form = new ReportFormData(Description: request.Description?.Trim(), Location: request.Location?.Trim(), Urgency: request.Urgency, ServiceId: request.ServiceId);
        if (TicketReporting.Validate(form, texts, out var urgency) is { } errors)
        {
            return new TicketFiling(null, errors.Description, errors.Location, errors.Urgency);
        }
        // The raiser as the directory knows them, whether or not the bot can reach them now (their card waits in the outbox).
        var raiser = request.RaiserKey is { } key ? await people.PersonAsync(key, cancellationToken).ConfigureAwait(false) : null;
        var reporterUserId = request.RaiserUserId ?? raiser?.UserId ?? request.ActorUserId;
        var onBehalf = reporterUserId != request.ActorUserId;
        var reporterKey = onBehalf ? raiser?.Key ?? request.RaiserKey : request.ActorKey;
        var reporterName = onBehalf ? raiser?.Name : request.ActorName;
        var draft = new TicketDraft(reporterUserId, reporterKey, reporterName, request.DepartmentCode, form, urgency, request.ActorName, request.ActorKey)
        {
            LinkedTo = source,
            FeedbackId = request.ItemId,
        };
        var ticket = await reporting.FileAsync(draft, cancellationToken).ConfigureAwait(false);
        if (onBehalf)
        {
            // The raiser did not fill this form, so nothing shows them the ticket yet: their card goes out now.
            await notifier.SendCardAsync(ticket, ticket.ReporterUserId, TicketCardView.Reporter, null, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        return new TicketFiling(new LinkedTicket(ticket.Id, ticket.IsOpen));
    }

    public async Task<LinkedTicket?> FindAsync(string ticketId, CancellationToken cancellationToken) =>
        TicketStore.IsValidId(ticketId) && await tickets.FindAsync(ticketId, cancellationToken).ConfigureAwait(false) is { } ticket
            ? new LinkedTicket(ticket.Id, ticket.IsOpen)
            : null;
}

/// <summary>"Log as feedback" on a staff ticket card: the form, and the item logged from it, linked both ways.</summary>
public sealed class TicketFeedbackDesk(TicketStore tickets, TicketPeople people, TicketDesk desk, IFeedbackOutcomes feedback)
{
    public CardActionResult Form(CardAction<TicketFeedbackData, Ticket> action) =>
        action.Entity.FeedbackId is { } linked
            ? CardActionResult.WithMessage(action.Texts.Tickets_FeedbackAlready(action.Entity.Id, CardText.Escape(linked)))
            : CardActionResult.WithCard(TicketFeedbackCards.Form(action.Texts, action.Entity, feedback.Kinds(action.Texts)));

    public async Task<CardActionResult> LogAsync(CardAction<TicketFeedbackData, Ticket> action, CancellationToken cancellationToken)
    {
        var ticket = action.Entity;
        var texts = action.Texts;
        if (ticket.FeedbackId is { } linked)
        {
            return CardActionResult.WithMessage(texts.Tickets_FeedbackAlready(ticket.Id, CardText.Escape(linked)));
        }
        var actor = await people.ActorAsync(action.Caller, cancellationToken).ConfigureAwait(false);
        var logging = await feedback.LogFromTicketAsync(
            new FeedbackFromTicket(ticket.Id, action.Data.Kind, action.Data.Text, ticket.DepartmentCode, ticket.ServiceId, ticket.ServiceName, ticket.ReporterUserId, ticket.ReporterKey, actor.Key),
            texts,
            cancellationToken).ConfigureAwait(false);
        if (logging.Item is not { } item)
        {
            return CardActionResult.WithCard(TicketFeedbackCards.Form(texts, ticket, feedback.Kinds(texts), action.Data, logging.KindError, logging.TextError));
        }
        var result = await tickets.ChangeAsync(ticket.Id, t => t.FeedbackId is not null
            ? Decision.Keep<TicketChange>()
            : TicketChange.Write(t with { FeedbackId = item.Id }, desk.Event(t, TicketEventKind.LoggedAsFeedback, actor, item.Id)), cancellationToken).ConfigureAwait(false);
        return await desk.AfterAsync(action, result, tellReporter: true, cancellationToken).ConfigureAwait(false);
    }
}
