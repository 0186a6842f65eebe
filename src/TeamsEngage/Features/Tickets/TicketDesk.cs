using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>The liaison's actions: claim, reply, resolve. The dispatcher has already checked the caller may act on the ticket.</summary>
public sealed class TicketDesk(TicketStore tickets, TicketPeople people, TicketNotifier notifier, TicketCardFactory cards, TimeProvider clock)
{
    public async Task<CardActionResult> ClaimAsync(CardAction<TicketActionData, Ticket> action, CancellationToken cancellationToken)
    {
        var result = await ClaimChangeAsync(action, action.Entity.Id, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(action, result, tellReporter: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Claims the ticket for the caller, unless it is resolved or someone else has it. Nobody is told yet.</summary>
    internal async Task<UpdateResult<Ticket, TicketChange>> ClaimChangeAsync(CardActionContext context, string ticketId, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        var actor = await people.ActorAsync(context.Caller, cancellationToken).ConfigureAwait(false);
        return await tickets.ChangeAsync(ticketId, t => t.Status switch
        {
            TicketStatus.Resolved => Decision.Refuse<TicketChange>(texts.Tickets_AlreadyResolved),
            TicketStatus.Claimed when TicketPeople.Same(t.ClaimedByKey, actor.Key) => Decision.Keep<TicketChange>(),
            TicketStatus.Claimed => Decision.Refuse<TicketChange>(texts.Tickets_ClaimedByOther(t.Id, CardText.Escape(t.ClaimedByName ?? string.Empty))),
            _ => TicketChange.Write(ClaimedBy(t, actor), Event(t, TicketEventKind.Claimed, actor, null)),
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> ReplyAsync(CardAction<TicketReplyData, Ticket> action, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.Data.ReplyText) || action.Data.ReplyText.Length > TicketCards.MaxMessage)
        {
            return CardActionResult.WithMessage(action.Texts.Tickets_MessageMissing);
        }
        var texts = action.Texts;
        var reply = action.Data.ReplyText.Trim();
        var actor = await people.ActorAsync(action.Caller, cancellationToken).ConfigureAwait(false);
        // Replying to an unclaimed ticket takes it: the teacher's answers need one person to go to.
        var result = await tickets.ChangeAsync(action.Entity.Id, t => t.Status switch
        {
            TicketStatus.Resolved => Decision.Refuse<TicketChange>(texts.Tickets_AlreadyResolved),
            TicketStatus.Open => TicketChange.Write(ClaimedBy(t, actor), Event(t, TicketEventKind.Claimed, actor, null), Event(t, TicketEventKind.LiaisonReply, actor, reply, 1)),
            _ => TicketChange.Write(t, Event(t, TicketEventKind.LiaisonReply, actor, reply)),
        }, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(action, result, tellReporter: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> ResolveAsync(CardAction<TicketResolveData, Ticket> action, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.Data.Resolution) || action.Data.Resolution.Length > TicketCards.MaxMessage)
        {
            return CardActionResult.WithMessage(action.Texts.Tickets_ResolutionMissing);
        }
        var texts = action.Texts;
        var note = action.Data.Resolution.Trim();
        var actor = await people.ActorAsync(action.Caller, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var result = await tickets.ChangeAsync(action.Entity.Id, t => t.Status == TicketStatus.Resolved
            ? Decision.Refuse<TicketChange>(texts.Tickets_AlreadyResolved)
            : TicketChange.Write(
                t with { Status = TicketStatus.Resolved, ResolvedAt = now, Resolution = note, ClaimedByKey = t.ClaimedByKey ?? actor.Key, ClaimedByName = t.ClaimedByName ?? actor.Name, ClaimedByUserId = t.ClaimedByUserId ?? actor.UserId },
                Event(t, TicketEventKind.Resolved, actor, note)), cancellationToken).ConfigureAwait(false);
        if (result is { Written: true, State: { } resolved, Change: { } change })
        {
            // The reporter gets their card anew (with Reopen and Rate), so the resolution notifies them.
            await notifier.SendCardAsync(resolved, resolved.ReporterUserId, TicketCardView.Reporter, change.Events[0].RowKey, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        return await AfterAsync(action, result, tellReporter: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells whoever should know, updates every other card, and gives the acting person the current card.</summary>
    internal async Task<CardActionResult> AfterAsync(CardActionContext context, UpdateResult<Ticket, TicketChange> result, bool tellReporter, CancellationToken cancellationToken)
    {
        if (result.Unanswered() is { } unanswered)
        {
            return unanswered;
        }
        await TellAsync(context, result, tellReporter, cancellationToken).ConfigureAwait(false);
        var viewer = await people.ViewerAsync(context.Caller, cancellationToken).ConfigureAwait(false);
        var card = await cards.StaffAsync(result.State!, context.Texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()), null, viewer, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(card);
    }

    /// <summary>After a written change: the reporter hears of its events (when <paramref name="tellReporter"/>), and every card of the ticket but the pressed one is updated.</summary>
    internal async Task TellAsync(CardActionContext context, UpdateResult<Ticket, TicketChange> result, bool tellReporter, CancellationToken cancellationToken)
    {
        if (result is not { State: { } ticket, Change: { } change })
        {
            return;
        }
        if (tellReporter)
        {
            foreach (var e in change.Events)
            {
                await notifier.SendEventAsync(ticket, ticket.ReporterUserId, e, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
            }
        }
        await notifier.RefreshCardsAsync(ticket.Id, context.Turn.Activity.Conversation?.Id, context.CardActivityId, cancellationToken).ConfigureAwait(false);
    }

    internal TicketEvent Event(Ticket ticket, TicketEventKind kind, TicketActor actor, string? text, int offsetTicks = 0)
    {
        var at = clock.GetUtcNow().AddTicks(offsetTicks);
        return new TicketEvent(ticket.Id, TicketStore.NewEventKey(at), kind, at, actor.Name, actor.Key, text);
    }

    private static Ticket ClaimedBy(Ticket ticket, TicketActor actor) =>
        ticket with { Status = TicketStatus.Claimed, ClaimedByKey = actor.Key, ClaimedByName = actor.Name, ClaimedByUserId = actor.UserId };
}
