using System.Globalization;
using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>The reporter's actions on their own ticket: write to the liaison, reopen, rate. The dispatcher has checked it is theirs.</summary>
public sealed class TicketReporterDesk(TicketStore tickets, TicketPeople people, TicketNotifier notifier, CalendarStore calendars, TimeProvider clock)
{
    /// <summary>Relays the reporter's message to whoever holds the ticket. Returns the confirmation, or a refusal.</summary>
    public async Task<string> SayAsync(Ticket ticket, string? message, Texts texts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > TicketCards.MaxMessage)
        {
            return texts.Tickets_MessageMissing;
        }
        if (!ticket.IsOpen)
        {
            return texts.Tickets_AlreadyResolved;
        }
        var now = clock.GetUtcNow();
        var said = Event(ticket, TicketEventKind.ReporterMessage, message.Trim(), now);
        await tickets.AddEventAsync(said, cancellationToken).ConfigureAwait(false);
        foreach (var userId in await HoldersAsync(ticket, cancellationToken).ConfigureAwait(false))
        {
            await notifier.SendEventAsync(ticket, userId, said, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        await notifier.RefreshCardsAsync(ticket.Id, null, null, cancellationToken).ConfigureAwait(false);
        return texts.Tickets_SentTo(ticket.Id, TicketCards.HandlerText(ticket, texts));
    }

    /// <summary>Records that the reporter added picture <paramref name="number"/>; whoever holds the ticket is told, with its link, and every copy of the card offers it.</summary>
    public async Task PictureAddedAsync(Ticket ticket, int number, CancellationToken cancellationToken)
    {
        var added = Event(ticket, TicketEventKind.PictureAdded, number.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow());
        await tickets.AddEventAsync(added, cancellationToken).ConfigureAwait(false);
        foreach (var userId in await HoldersAsync(ticket, cancellationToken).ConfigureAwait(false))
        {
            await notifier.SendEventAsync(ticket, userId, added, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        await notifier.RefreshCardsAsync(ticket.Id, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reopens a resolved ticket with the reporter's reason; whoever holds it gets the card with the reason, and a fresh promise.</summary>
    public async Task<CardActionResult> ReopenAsync(CardAction<TicketReopenData, Ticket> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (string.IsNullOrWhiteSpace(action.Data.Reason) || action.Data.Reason.Length > TicketCards.MaxMessage)
        {
            return CardActionResult.WithMessage(texts.Tickets_ReopenReasonMissing);
        }
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var reason = action.Data.Reason.Trim();
        var result = await tickets.ChangeAsync(action.Entity.Id, t => Reopen(t, reason, calendar, now, texts), cancellationToken).ConfigureAwait(false);
        if (result is { Written: true, State: { } reopened, Change: { } change })
        {
            foreach (var userId in await HoldersAsync(reopened, cancellationToken).ConfigureAwait(false))
            {
                await notifier.SendCardAsync(reopened, userId, TicketCardView.Staff, change.Events[0].RowKey, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
            }
        }
        return await AfterAsync(action, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rates a resolved ticket once, with an optional comment; whoever handled it is told both.</summary>
    public async Task<CardActionResult> RateAsync(CardAction<TicketRateData, Ticket> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (!int.TryParse(action.Data.Rating, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
        {
            return CardActionResult.WithMessage(texts.Tickets_RateMissing);
        }
        if (action.Data.Comment is { Length: > TicketCards.MaxMessage })
        {
            return CardActionResult.WithMessage(texts.Tickets_RateCommentTooLong(TicketCards.MaxMessage));
        }
        var now = clock.GetUtcNow();
        var said = TicketEventText.Rating(rating, action.Data.Comment);
        var result = await tickets.ChangeAsync(action.Entity.Id, t => t.Status != TicketStatus.Resolved || t.Rating is not null
            ? Decision.Refuse<TicketChange>(t.Rating is null ? texts.Tickets_NotResolved : texts.Tickets_AlreadyRated)
            : TicketChange.Write(t with { Rating = rating }, Event(t, TicketEventKind.Rated, said, now)),
            cancellationToken).ConfigureAwait(false);
        if (result is { Written: true, State: { } rated, Change: { } change })
        {
            foreach (var userId in await HoldersAsync(rated, cancellationToken).ConfigureAwait(false))
            {
                await notifier.SendEventAsync(rated, userId, change.Events[0], OutboxPriority.Normal, cancellationToken).ConfigureAwait(false);
            }
        }
        return await AfterAsync(action, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Back to the claimer if there was one, else to the department. Either way the promise starts again: the same
    /// school-time length as the first (an hour at least), counted from now, since the old one has usually run out.
    /// </summary>
    private static Decision<TicketChange> Reopen(Ticket t, string reason, SchoolCalendar calendar, DateTimeOffset now, Texts texts)
    {
        if (t.Status != TicketStatus.Resolved)
        {
            return Decision.Refuse<TicketChange>(texts.Tickets_NotResolved);
        }
        var status = t.ClaimedByKey is null ? TicketStatus.Open : TicketStatus.Claimed;
        calendar = calendar.For(t.DepartmentCode);
        var promise = SchoolTime.Between(calendar, t.CreatedAt, t.DueAt);
        var due = SchoolTime.Add(calendar, now, promise < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : promise);
        return TicketChange.Write(
            t with { Status = status, ResolvedAt = null, Resolution = null, Rating = null, DueAt = due, NextEscalationAt = due, ReminderSent = false },
            Event(t, TicketEventKind.Reopened, reason, now));
    }

    private async Task<CardActionResult> AfterAsync(CardActionContext context, UpdateResult<Ticket, TicketChange> result, CancellationToken cancellationToken)
    {
        if (result.Unanswered() is { } unanswered)
        {
            return unanswered;
        }
        var ticket = result.State!;
        if (result.Written)
        {
            await notifier.RefreshCardsAsync(ticket.Id, context.Turn.Activity.Conversation?.Id, context.CardActivityId, cancellationToken).ConfigureAwait(false);
        }
        return CardActionResult.WithCard(TicketCards.Reporter(ticket, context.Texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone())));
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
