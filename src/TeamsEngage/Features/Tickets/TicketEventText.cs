using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>One line per history event, as shown on the ticket card. Names are escaped; typed text is shown apart.</summary>
public static class TicketEventText
{
    public static string Line(TicketEvent e, Texts texts)
    {
        var actor = CardText.Escape(e.ActorName ?? texts.Tickets_Someone);
        return e.Kind switch
        {
            TicketEventKind.Created => texts.Tickets_EventCreated(actor),
            TicketEventKind.Claimed => texts.Tickets_EventClaimed(actor),
            TicketEventKind.LiaisonReply => texts.Tickets_EventLiaisonReply(actor),
            TicketEventKind.ReporterMessage => texts.Tickets_EventReporterMessage(actor),
            TicketEventKind.Resolved => texts.Tickets_EventResolved(actor),
            TicketEventKind.Reopened when !string.IsNullOrEmpty(e.Text) => texts.Tickets_EventReopenedBecause(actor, CardText.Escape(e.Text)),
            TicketEventKind.Reopened => texts.Tickets_EventReopened(actor),
            TicketEventKind.Rated => RatedLine(actor, e.Text, texts),
            TicketEventKind.Reassigned => texts.Tickets_EventReassigned(actor, e.Text is null ? texts.Tickets_Administrators : CardText.Escape(e.Text)),
            TicketEventKind.Released => texts.Tickets_EventReleased(actor),
            TicketEventKind.Escalated => texts.Tickets_EventEscalated(CardText.Escape(e.Text ?? texts.Tickets_Administrators)),
            TicketEventKind.LoggedAsFeedback => texts.Tickets_EventLoggedAsFeedback(actor, CardText.Escape(e.Text ?? string.Empty)),
            TicketEventKind.PictureAdded => texts.Tickets_EventPictureAdded(actor, CardText.Escape(e.Text ?? string.Empty)),
            TicketEventKind.Postponed when string.IsNullOrEmpty(e.Text) => texts.Tickets_EventRescheduled,
            TicketEventKind.Postponed => texts.Tickets_EventPostponed(CardText.Escape(e.Text ?? string.Empty)),
            _ => texts.Tickets_EventReminded(CardText.Escape(e.Text ?? string.Empty)),
        };
    }

    /// <summary>A rating event's text: the stars on the first line, the reporter's comment (if any) after it.</summary>
    public static string Rating(int stars, string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? stars.ToString(CultureInfo.InvariantCulture) : $"{stars.ToString(CultureInfo.InvariantCulture)}\n{comment.Trim()}";

    private static string RatedLine(string actor, string? text, Texts texts)
    {
        var parts = (text ?? string.Empty).Split('\n', 2);
        var stars = CardText.Escape(parts[0]);
        return parts.Length == 2
            ? texts.Tickets_EventRatedWithComment(actor, stars, CardText.Escape(parts[1]))
            : texts.Tickets_EventRated(actor, stars);
    }
}
