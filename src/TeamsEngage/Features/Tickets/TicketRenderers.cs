using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Tickets;

/// <summary>Renders ticket cards at send time, in the recipient's language and time zone, and remembers where they went.</summary>
public sealed class TicketCardRenderer(TicketStore tickets, TicketCardFactory cards, TicketPeople people, IPeopleDirectory directory, IOutbox outbox) : OutboxRenderer<TicketCardPayload>
{
    public override string Kind => TicketOutboxKinds.Card;

    protected override async Task<RenderedMessage?> RenderAsync(TicketCardPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindAsync(payload.TicketId, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var zone = PeopleTime.ZoneOrUtc(context.Recipient.TimeZone);
        if (payload.View == TicketCardView.Reporter)
        {
            return new RenderedMessage(TicketCardFactory.Reporter(ticket, texts, zone), null, texts.Tickets_Summary(ticket.Id));
        }
        var viewer = await people.ViewerAsync(context.PersonKey, context.Recipient.UserId, cancellationToken).ConfigureAwait(false);
        var card = await cards.StaffAsync(ticket, texts, zone, context.IsUpdate ? null : payload.EventKey, viewer, cancellationToken).ConfigureAwait(false);
        return new RenderedMessage(card, null, texts.Tickets_Summary(ticket.Id));
    }

    /// <summary>
    /// Remembers where the card went, so later changes update it in place. A change made while it was on its way updated
    /// the cards known then, not this one: then this card is updated too.
    /// </summary>
    protected override async Task OnDeliveredAsync(TicketCardPayload payload, DeliveredContext context, CancellationToken cancellationToken)
    {
        await tickets.SaveCardAsync(new TicketCardRef(payload.TicketId, context.RecipientUserId, context.ConversationId, context.ActivityId, payload.View), cancellationToken).ConfigureAwait(false);
        if (context.ActivityId.Length > 0 && await tickets.ChangedSinceAsync(payload.TicketId, context.RenderedAt, cancellationToken).ConfigureAwait(false))
        {
            var update = OutboxUpdate.Create(context.RecipientUserId, context.ConversationId, context.ActivityId, Kind, new TicketCardPayload(payload.TicketId, payload.View), OutboxPriority.Normal);
            await outbox.EnqueueUpdateAsync(update, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Renders one ticket event for one person: a relayed message, a claim, an escalation.</summary>
public sealed class TicketEventRenderer(TicketStore tickets, TicketFiles files, IPeopleDirectory directory) : OutboxRenderer<TicketEventPayload>
{
    public override string Kind => TicketOutboxKinds.Event;

    protected override async Task<RenderedMessage?> RenderAsync(TicketEventPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await tickets.FindAsync(payload.TicketId, cancellationToken).ConfigureAwait(false) is not { } ticket
            || await tickets.FindEventAsync(payload.TicketId, payload.EventKey, cancellationToken).ConfigureAwait(false) is not { } ticketEvent)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var forReporter = context.Recipient.UserId == ticket.ReporterUserId;
        var picture = ticketEvent.Kind == TicketEventKind.PictureAdded && !forReporter
            && int.TryParse(ticketEvent.Text, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? await files.LinkAsync(ticket.Id, number, cancellationToken).ConfigureAwait(false)
            : null;
        var card = TicketMessageCards.Event(ticket, ticketEvent, texts, forReporter, PeopleTime.ZoneOrUtc(context.Recipient.TimeZone), picture);
        return new RenderedMessage(card, null, texts.Tickets_Summary(ticket.Id));
    }
}
