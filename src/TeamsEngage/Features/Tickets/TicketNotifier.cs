using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Tickets;

/// <summary>Every proactive ticket message, through the durable outbox: new cards, events, and updates in place.</summary>
public sealed class TicketNotifier(IOutbox outbox, TicketStore tickets)
{
    /// <summary>Sends the ticket card (<paramref name="view"/>) to one person.</summary>
    /// <remarks>The reporter of an anonymised ticket was erased: there is nobody to tell, so nothing is queued.</remarks>
    public Task SendCardAsync(Ticket ticket, string recipientUserId, string view, string? eventKey, OutboxPriority priority, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(recipientUserId) ? Task.CompletedTask : outbox.EnqueueAsync(OutboxMessage.Create(recipientUserId, TicketOutboxKinds.Card, new TicketCardPayload(ticket.Id, view, eventKey), priority), cancellationToken);

    /// <summary>Tells one person about one history event.</summary>
    public Task SendEventAsync(Ticket ticket, string recipientUserId, TicketEvent ticketEvent, OutboxPriority priority, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(recipientUserId) ? Task.CompletedTask : outbox.EnqueueAsync(OutboxMessage.Create(recipientUserId, TicketOutboxKinds.Event, new TicketEventPayload(ticket.Id, ticketEvent.RowKey), priority), cancellationToken);

    /// <summary>Queues an update of every delivered card of the ticket, except the one the acting person pressed (the invoke response replaces it).</summary>
    public async Task RefreshCardsAsync(string ticketId, string? actingConversationId, string? actingActivityId, CancellationToken cancellationToken)
    {
        foreach (var card in await tickets.CardsAsync(ticketId, cancellationToken).ConfigureAwait(false))
        {
            if (card.ConversationId == actingConversationId && card.ActivityId == actingActivityId)
            {
                continue;
            }
            var payload = new TicketCardPayload(ticketId, card.View);
            await outbox.EnqueueUpdateAsync(OutboxUpdate.Create(card.RecipientUserId, card.ConversationId, card.ActivityId, TicketOutboxKinds.Card, payload, OutboxPriority.Normal), cancellationToken).ConfigureAwait(false);
        }
    }
}
