using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// Feedback and tickets, linked both ways: IT opens a ticket from an item (a complaint that is really a fault), or logs
/// an item from a ticket (a request that is really an idea). Each link is made once, whatever is pressed twice.
/// </summary>
public sealed partial class FeedbackTicketLinks(FeedbackStore store, FeedbackMoves moves, IFeedbackTickets tickets, TimeProvider clock, ILogger<FeedbackTicketLinks> logger)
{
    /// <summary>"Open a ticket" on an item: the form, or why there is none to fill.</summary>
    public CardActionResult TicketForm(CardAction<ItemTicketData, FeedbackItem> action) =>
        Refusal(action.Entity, action.Texts) is { } refusal
            ? CardActionResult.WithMessage(refusal)
            : CardActionResult.WithCard(FeedbackBoardCards.TicketForm(action.Texts, action.Entity, tickets.Urgencies(action.Texts)));

    /// <summary>"Open a ticket" on an item; the dispatcher has checked the caller triages it.</summary>
    public async Task<CardActionResult> OpenTicketAsync(CardAction<ItemTicketData, FeedbackItem> action, CancellationToken cancellationToken)
    {
        var item = action.Entity;
        var texts = action.Texts;
        if (Refusal(item, texts) is { } refusal)
        {
            return CardActionResult.WithMessage(refusal);
        }
        var data = action.Data;
        var service = FeedbackTopic.Split(item.Topic) is (FeedbackTopic.ServiceKind, var serviceId) ? serviceId : null;
        var caller = action.Caller;
        var filing = await tickets.FileAsync(
            new TicketFromFeedback(item.Id, data.Description, data.Location, data.Urgency, item.DepartmentCode, service, item.RaiserUserId, item.RaiserKey, caller.UserId, FeedbackDesk.KeyOf(caller), caller.Name),
            texts,
            cancellationToken).ConfigureAwait(false);
        if (filing.Ticket is not { } ticket)
        {
            var errors = new TicketFormErrors(filing.DescriptionError, filing.LocationError, filing.UrgencyError);
            return CardActionResult.WithCard(FeedbackBoardCards.TicketForm(texts, item, tickets.Urgencies(texts), data, errors));
        }
        await store.UpdateAsync(item.Id, i => i.TicketId == ticket.Id ? Decision.Keep<FeedbackItem>() : Decision.Write(i with { TicketId = ticket.Id }), cancellationToken).ConfigureAwait(false);
        if (item.State == FeedbackState.New)
        {
            // Someone is on it now: the board shows it under review (not told: only outcomes are).
            await moves.MoveAsync(item.Id, new FeedbackMove(FeedbackState.UnderReview, null, null, null), FeedbackDesk.KeyOf(caller), cancellationToken).ConfigureAwait(false);
        }
        LogTicketOpened(logger, item.Id, ticket.Id);
        return CardActionResult.WithCard(FeedbackBoardCards.TicketOpened(texts, item, ticket.Id));
    }

    /// <summary>Logs an item from a ticket, named for the ticket's reporter, who follows it and is told its outcomes.</summary>
    public async Task<FeedbackLogging> LogFromTicketAsync(FeedbackFromTicket request, Texts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = Enum.TryParse<FeedbackKind>(request.Kind, ignoreCase: false, out var k) && Enum.IsDefined(k) ? k : (FeedbackKind?)null;
        var text = request.Text?.Trim();
        var textError = string.IsNullOrEmpty(text) || text.Length > FeedbackDesk.MaxText ? texts.Feedback_FormIncomplete(FeedbackDesk.MaxText) : null;
        if (kind is null || textError is not null)
        {
            return new FeedbackLogging(null, kind is null ? texts.Feedback_FormKindMissing : null, textError);
        }
        var id = await store.LinkTicketAsync(request.TicketId, FeedbackStore.NewId(), cancellationToken).ConfigureAwait(false);
        var topic = request.ServiceId is { Length: > 0 } service ? FeedbackTopic.KeyOf(FeedbackTopic.ServiceKind, service) : FeedbackTopic.General;
        var raiserKey = request.ReporterKey ?? "user:" + request.ReporterUserId;
        var item = await store.InsertOnceAsync(
            new FeedbackItem(id, kind.Value, text!, topic, topic == FeedbackTopic.General ? null : request.ServiceName, request.DepartmentCode, false, raiserKey, request.ReporterUserId, clock.GetUtcNow(), TicketId: request.TicketId),
            cancellationToken).ConfigureAwait(false);
        await store.FollowAsync(item.Id, new FeedbackFollower(raiserKey, request.ReporterUserId, Raiser: true), cancellationToken).ConfigureAwait(false);
        LogLogged(logger, item.Id, request.TicketId);
        return new FeedbackLogging(new CitedFeedback(item.Id, CardText.Truncate(item.Text, 120), item.IsOpen, item.Supporters));
    }

    private static string? Refusal(FeedbackItem item, Texts texts) =>
        item.TicketId is { } linked ? texts.Feedback_TicketAlready(item.Id, CardText.Escape(linked))
        : !item.IsOpen ? texts.Feedback_TicketItemClosed(item.Id)
        : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} opened from feedback item {ItemId}")]
    private static partial void LogTicketOpened(ILogger logger, string itemId, string ticketId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback item {ItemId} logged from ticket {TicketId}")]
    private static partial void LogLogged(ILogger logger, string itemId, string ticketId);
}
