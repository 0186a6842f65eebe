using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>Messages about a ticket: a relayed reply, a claim, an escalation; and the "which issue?" question.</summary>
public static class TicketMessageCards
{
    /// <summary>One event told to one person. A relayed message can be answered from the card.</summary>
    /// <param name="picture">For a picture the reporter added, its signed link (never on the reporter's own copy).</param>
    public static AdaptiveCard Event(Ticket ticket, TicketEvent e, Texts texts, bool forReporter, TimeZoneInfo? zone = null, Uri? picture = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(texts.Tickets_EventHeader(ticket.Id)) { IsSubtle = true, Size = TextSize.Small, Wrap = true },
            new TextBlock(Line(ticket, e, texts, forReporter, zone)) { Weight = TextWeight.Bolder, Wrap = true },
        };
        if (e.Kind is TicketEventKind.LiaisonReply or TicketEventKind.ReporterMessage or TicketEventKind.Resolved && e.Text is { } said)
        {
            body.Add(CardText.UserText(said));
        }
        if (!forReporter)
        {
            body.Add(CardText.UserText(ticket.Description, 140, isSubtle: true));
        }
        var actions = new List<CardAction>();
        if (picture is not null && !forReporter)
        {
            actions.Add(new OpenUrlAction(texts.Tickets_OpenPicture(int.TryParse(e.Text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1), picture));
        }
        if (ticket.IsOpen)
        {
            actions.Add(forReporter
                ? TicketCards.MessageAction(ticket.Id, texts, TextKeys.Tickets_Answer, TicketVerbs.Say, "message")
                : TicketCards.MessageAction(ticket.Id, texts, TextKeys.Tickets_Answer, TicketVerbs.Reply, "replyText"));
        }
        return new AdaptiveCard(body) { Actions = actions.Count > 0 ? actions : null, FallbackText = Line(ticket, e, texts, forReporter, zone) };
    }

    // The reporter is told what a reassignment means for them, not who pressed the button; a closure, when the promise now runs out.
    private static string Line(Ticket ticket, TicketEvent e, Texts texts, bool forReporter, TimeZoneInfo? zone) => e.Kind switch
    {
        TicketEventKind.Reassigned when forReporter => TicketCards.ReassignedForReporter(ticket, e, texts),
        TicketEventKind.Postponed when string.IsNullOrEmpty(e.Text) => texts.Tickets_RescheduledTo(PeopleTime.Moment(ticket.DueAt, zone ?? TimeZoneInfo.Utc, texts)),
        TicketEventKind.Postponed => texts.Tickets_PostponedTo(CardText.Escape(e.Text ?? string.Empty), PeopleTime.Moment(ticket.DueAt, zone ?? TimeZoneInfo.Utc, texts)),
        _ => TicketEventText.Line(e, texts),
    };

    /// <summary>The reporter has several claimed tickets: which one is the message about? The message is kept in the box.</summary>
    public static AdaptiveCard WhichTicket(IReadOnlyList<Ticket> tickets, string message, Texts texts) => new(
        TicketCards.Title(texts.Tickets_WhichTitle),
        new ChoiceSetInput("ticketId", [.. tickets.Select(t => new Choice(CardText.Truncate($"{t.Id} · {t.Description}", 80), t.Id))])
        {
            Label = texts.Tickets_WhichLabel,
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = texts.Tickets_WhichMissing,
        },
        new TextInput("message")
        {
            Label = texts.Tickets_MessageLabel,
            IsMultiline = true,
            IsRequired = true,
            MaxLength = TicketCards.MaxMessage,
            ErrorMessage = texts.Tickets_MessageMissing,
            Value = CardText.Truncate(message, TicketCards.MaxMessage),
        })
    {
        Actions = [new ExecuteAction(texts.Tickets_Send, TicketVerbs.Say) { Data = new { } }],
        FallbackText = texts.Tickets_WhichTitle,
    };

    /// <summary>A short confirmation card after a relayed message (no typed text in it).</summary>
    public static AdaptiveCard Sent(string ticketId, string? toName, Texts texts) => new(
        new TextBlock(texts.Tickets_SentTo(ticketId, CardText.Escape(toName ?? texts.Tickets_Administrators))) { Wrap = true })
    {
        FallbackText = texts.Tickets_SentTo(ticketId, toName ?? texts.Tickets_Administrators),
    };
}
