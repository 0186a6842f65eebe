using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Tickets;

/// <summary>The liaison's actions: claim, reply, resolve. Rights are checked on the server for the ticket the data names.</summary>
public sealed class TicketDesk(TicketStore tickets, TicketMutation mutation, TicketPeople people, TicketNotifier notifier, TicketCardFactory cards, TimeProvider clock)
{
    public async Task<CardActionResult> ClaimAsync(CardActionContext context, string? ticketId, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var actor = await ActorAsync(context, ticketId, cancellationToken).ConfigureAwait(false);
        if (actor.Refusal is not null)
        {
            return CardActionResult.WithMessage(actor.Refusal);
        }
        var outcome = await mutation.ApplyAsync(ticketId!, texts["Tickets_NotFound"], t => t.Status switch
        {
            TicketStatus.Resolved => TicketDecision.Refuse(texts["Tickets_AlreadyResolved"]),
            TicketStatus.Claimed when TicketPeople.Same(t.ClaimedByKey, actor.Key) => TicketDecision.Nothing,
            TicketStatus.Claimed => TicketDecision.Refuse(texts.Format("Tickets_ClaimedByOther", t.Id, CardText.Escape(t.ClaimedByName ?? string.Empty))),
            _ => TicketDecision.Change(
                t with { Status = TicketStatus.Claimed, ClaimedByKey = actor.Key, ClaimedByName = actor.Name, ClaimedByUserId = context.Caller.UserId },
                Event(t, TicketEventKind.Claimed, actor, null)),
        }, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(context, outcome, tellReporter: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> ReplyAsync(CardActionContext context, TicketReplyData? data, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        if (string.IsNullOrWhiteSpace(data?.ReplyText) || data.ReplyText.Length > TicketCards.MaxMessage)
        {
            return CardActionResult.WithMessage(texts["Tickets_MessageMissing"]);
        }
        var actor = await ActorAsync(context, data.TicketId, cancellationToken).ConfigureAwait(false);
        if (actor.Refusal is not null)
        {
            return CardActionResult.WithMessage(actor.Refusal);
        }
        // Replying to an unclaimed ticket takes it: the teacher's answers need one person to go to.
        var outcome = await mutation.ApplyAsync(data.TicketId!, texts["Tickets_NotFound"], t => t.Status switch
        {
            TicketStatus.Resolved => TicketDecision.Refuse(texts["Tickets_AlreadyResolved"]),
            TicketStatus.Open => TicketDecision.Change(
                t with { Status = TicketStatus.Claimed, ClaimedByKey = actor.Key, ClaimedByName = actor.Name, ClaimedByUserId = context.Caller.UserId },
                Event(t, TicketEventKind.Claimed, actor, null), Event(t, TicketEventKind.LiaisonReply, actor, data.ReplyText.Trim(), 1)),
            _ => TicketDecision.Change(t, Event(t, TicketEventKind.LiaisonReply, actor, data.ReplyText.Trim())),
        }, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(context, outcome, tellReporter: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> ResolveAsync(CardActionContext context, TicketResolveData? data, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        if (string.IsNullOrWhiteSpace(data?.Resolution) || data.Resolution.Length > TicketCards.MaxMessage)
        {
            return CardActionResult.WithMessage(texts["Tickets_ResolutionMissing"]);
        }
        var actor = await ActorAsync(context, data.TicketId, cancellationToken).ConfigureAwait(false);
        if (actor.Refusal is not null)
        {
            return CardActionResult.WithMessage(actor.Refusal);
        }
        var now = clock.GetUtcNow();
        var note = data.Resolution.Trim();
        var outcome = await mutation.ApplyAsync(data.TicketId!, texts["Tickets_NotFound"], t => t.Status == TicketStatus.Resolved
            ? TicketDecision.Refuse(texts["Tickets_AlreadyResolved"])
            : TicketDecision.Change(
                t with { Status = TicketStatus.Resolved, ResolvedAt = now, Resolution = note, ClaimedByKey = t.ClaimedByKey ?? actor.Key, ClaimedByName = t.ClaimedByName ?? actor.Name, ClaimedByUserId = t.ClaimedByUserId ?? context.Caller.UserId },
                Event(t, TicketEventKind.Resolved, actor, note)), cancellationToken).ConfigureAwait(false);
        if (outcome is { Refusal: null, Changed: true, Ticket: { } resolved })
        {
            // The reporter gets their card anew (with Reopen and Rate), so the resolution notifies them.
            await notifier.SendCardAsync(resolved, resolved.ReporterUserId, TicketCardView.Reporter, outcome.Events[0].RowKey, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        return await AfterAsync(context, outcome, tellReporter: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who is acting, if they may act on this ticket; else the refusal. Nothing is changed either way.</summary>
    internal async Task<(string? Key, string? Name, string? Refusal)> ActorAsync(CardActionContext context, string? ticketId, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var ticket = TicketStore.IsValidId(ticketId) ? await tickets.FindAsync(ticketId!, cancellationToken).ConfigureAwait(false) : null;
        if (ticket is null)
        {
            return (null, null, texts["Tickets_NotFound"]);
        }
        if (!await people.MayActAsync(context.Caller, ticket, cancellationToken).ConfigureAwait(false))
        {
            return (null, null, texts["Tickets_Refused"]);
        }
        var person = await people.PersonOfAsync(context.Caller, cancellationToken).ConfigureAwait(false);
        return (person?.Key ?? context.Caller.PersonKey ?? context.Caller.UserId, person?.Name ?? context.Caller.Name, null);
    }

    /// <summary>Tells whoever should know, updates every other card, and gives the acting person the current card.</summary>
    internal async Task<CardActionResult> AfterAsync(CardActionContext context, TicketOutcome outcome, bool tellReporter, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is not null || outcome.Ticket is null)
        {
            return CardActionResult.WithMessage(outcome.Refusal ?? context.Caller.Texts["Tickets_NotFound"]);
        }
        var ticket = outcome.Ticket;
        if (outcome.Changed)
        {
            if (tellReporter)
            {
                foreach (var e in outcome.Events)
                {
                    await notifier.SendEventAsync(ticket, ticket.ReporterUserId, e, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
                }
            }
            await notifier.RefreshCardsAsync(ticket.Id, context.Turn.Activity.Conversation?.Id, context.CardActivityId, cancellationToken).ConfigureAwait(false);
        }
        var card = await cards.StaffAsync(ticket, context.Caller.Texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()), null, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(card);
    }

    internal TicketEvent Event(Ticket ticket, TicketEventKind kind, (string? Key, string? Name, string? Refusal) actor, string? text, int offsetTicks = 0)
    {
        var at = clock.GetUtcNow().AddTicks(offsetTicks);
        return new TicketEvent(ticket.Id, TicketStore.NewEventKey(at), kind, at, actor.Name, actor.Key, text);
    }
}
