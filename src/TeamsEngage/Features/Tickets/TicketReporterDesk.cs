using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Tickets;

/// <summary>The reporter's actions on their own ticket: write to the liaison, reopen, rate. Only the reporter may.</summary>
public sealed class TicketReporterDesk(TicketStore tickets, TicketMutation mutation, TicketPeople people, TicketNotifier notifier, TimeProvider clock)
{
    /// <summary>Relays the reporter's message to whoever holds the ticket. Returns the confirmation, or a refusal.</summary>
    public async Task<string> SayAsync(Caller caller, string? ticketId, string? message, CancellationToken cancellationToken)
    {
        var texts = caller.Texts;
        if (string.IsNullOrWhiteSpace(message) || message.Length > TicketCards.MaxMessage)
        {
            return texts["Tickets_MessageMissing"];
        }
        var ticket = TicketStore.IsValidId(ticketId) ? await tickets.FindAsync(ticketId!, cancellationToken).ConfigureAwait(false) : null;
        if (ticket is null || ticket.ReporterUserId != caller.UserId)
        {
            return ticket is null ? texts["Tickets_NotFound"] : texts["Tickets_NotYours"];
        }
        if (!ticket.IsOpen)
        {
            return texts["Tickets_AlreadyResolved"];
        }
        var now = clock.GetUtcNow();
        var said = new TicketEvent(ticket.Id, TicketStore.NewEventKey(now), TicketEventKind.ReporterMessage, now, ticket.ReporterName, ticket.ReporterKey, message.Trim());
        await tickets.AddEventAsync(said, cancellationToken).ConfigureAwait(false);
        var recipients = await HoldersAsync(ticket, cancellationToken).ConfigureAwait(false);
        foreach (var userId in recipients)
        {
            await notifier.SendEventAsync(ticket, userId, said, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        await notifier.RefreshCardsAsync(ticket.Id, null, null, cancellationToken).ConfigureAwait(false);
        return texts.Format("Tickets_SentTo", ticket.Id, CardText.Escape(ticket.HandlerName ?? texts["Tickets_Administrators"]));
    }

    public async Task<CardActionResult> ReopenAsync(CardActionContext context, string? ticketId, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var now = clock.GetUtcNow();
        var outcome = await ChangeOwnAsync(context.Caller, ticketId, t =>
        {
            if (t.Status != TicketStatus.Resolved)
            {
                return TicketDecision.Refuse(texts["Tickets_NotResolved"]);
            }
            var status = t.ClaimedByKey is null ? TicketStatus.Open : TicketStatus.Claimed;
            var hours = Math.Max(1, (t.DueAt - t.CreatedAt).TotalHours);
            var due = status == TicketStatus.Open ? now.AddHours(hours) : t.DueAt;
            return TicketDecision.Change(
                t with { Status = status, ResolvedAt = null, Resolution = null, Rating = null, DueAt = due, NextEscalationAt = due, ReminderSent = false },
                Event(t, TicketEventKind.Reopened, null, now));
        }, cancellationToken).ConfigureAwait(false);
        if (outcome is { Refusal: null, Changed: true, Ticket: { } reopened })
        {
            foreach (var userId in await HoldersAsync(reopened, cancellationToken).ConfigureAwait(false))
            {
                await notifier.SendCardAsync(reopened, userId, TicketCardView.Staff, outcome.Events[0].RowKey, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
            }
        }
        return await AfterAsync(context, outcome, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> RateAsync(CardActionContext context, TicketRateData? data, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        if (!int.TryParse(data?.Rating, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
        {
            return CardActionResult.WithMessage(texts["Tickets_RateMissing"]);
        }
        var now = clock.GetUtcNow();
        var outcome = await ChangeOwnAsync(context.Caller, data!.TicketId, t => t.Status != TicketStatus.Resolved
            ? TicketDecision.Refuse(texts["Tickets_NotResolved"])
            : TicketDecision.Change(t with { Rating = rating }, Event(t, TicketEventKind.Rated, rating.ToString(System.Globalization.CultureInfo.InvariantCulture), now)),
            cancellationToken).ConfigureAwait(false);
        return await AfterAsync(context, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TicketOutcome> ChangeOwnAsync(Caller caller, string? ticketId, Func<Ticket, TicketDecision> decide, CancellationToken cancellationToken)
    {
        if (!TicketStore.IsValidId(ticketId))
        {
            return new TicketOutcome(null, [], caller.Texts["Tickets_NotFound"]);
        }
        return await mutation.ApplyAsync(ticketId!, caller.Texts["Tickets_NotFound"], t => t.ReporterUserId != caller.UserId
            ? TicketDecision.Refuse(caller.Texts["Tickets_NotYours"])
            : decide(t), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> AfterAsync(CardActionContext context, TicketOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is not null || outcome.Ticket is null)
        {
            return CardActionResult.WithMessage(outcome.Refusal ?? context.Caller.Texts["Tickets_NotFound"]);
        }
        if (outcome.Changed)
        {
            await notifier.RefreshCardsAsync(outcome.Ticket.Id, context.Turn.Activity.Conversation?.Id, context.CardActivityId, cancellationToken).ConfigureAwait(false);
        }
        return CardActionResult.WithCard(TicketCards.Reporter(outcome.Ticket, context.Caller.Texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone())));
    }

    /// <summary>Who hears from the reporter: the claimer, else the assignee, else the administrators.</summary>
    private async Task<IReadOnlyList<string>> HoldersAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.ClaimedByUserId is { } claimer)
        {
            return [claimer];
        }
        if (await people.ReachableAsync(ticket.AssigneeKey, cancellationToken).ConfigureAwait(false) is { } assignee)
        {
            return [assignee.UserId];
        }
        return [.. (await people.AdministratorsAsync(cancellationToken).ConfigureAwait(false)).Select(a => a.UserId)];
    }

    private static TicketEvent Event(Ticket t, TicketEventKind kind, string? text, DateTimeOffset now) =>
        new(t.Id, TicketStore.NewEventKey(now), kind, now, t.ReporterName, t.ReporterKey, text);
}
