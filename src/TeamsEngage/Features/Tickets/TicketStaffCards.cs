using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>What IT sees: the ticket card with its actions and history, and the <c>queue</c>.</summary>
public static class TicketStaffCards
{
    private const int HistoryShown = 8;

    /// <summary>The ticket card for a liaison, backup or administrator.</summary>
    /// <param name="banner">Why they got it now (escalated to you, reassigned to you, a reminder), or null.</param>
    /// <param name="reassignTargets">Liaisons (<c>p:KEY</c>) and departments (<c>d:CODE</c>) it can go to.</param>
    /// <param name="pictures">Signed links to the pictures the reporter added, in order.</param>
    public static AdaptiveCard Ticket(Ticket ticket, IReadOnlyList<TicketEvent> history, Texts texts, TimeZoneInfo zone, DateTimeOffset now, IReadOnlyList<Choice> reassignTargets, string? banner = null, bool mayAct = true, IReadOnlyList<Uri>? pictures = null)
    {
        var body = new List<CardElement>();
        if (banner is not null)
        {
            body.Add(new Container(new TextBlock(banner) { Wrap = true, Weight = TextWeight.Bolder }) { Style = ContainerStyle.Warning });
        }
        body.Add(TicketCards.Title(texts.Tickets_StaffTitle(ticket.Id, TicketCards.UrgencyText(ticket.Urgency, texts))));
        body.Add(CardText.UserText(ticket.Description));
        body.Add(new FactSet(
        [
            new Fact(texts.Tickets_FactReporter, CardText.Escape(ticket.ReporterName ?? string.Empty)),
            new Fact(texts.Tickets_FactDepartment, TicketCards.DepartmentText(ticket, texts)),
            new Fact(texts.Tickets_FactWhere, CardText.Escape(ticket.Location)),
            new Fact(texts.Tickets_FactUrgency, TicketCards.UrgencyText(ticket.Urgency, texts)),
            new Fact(texts.Tickets_FactStatus, TicketCards.StatusText(ticket, texts)),
            new Fact(texts.Tickets_FactDue, DueText(ticket, texts, zone, now)),
            .. ServiceFact(ticket, texts),
            .. FeedbackFact(ticket, texts),
        ]));
        if (ticket.NoticeId is not null)
        {
            body.Add(new TextBlock(texts.Tickets_FromNotice) { IsSubtle = true, Wrap = true });
        }
        if (pictures is { Count: > 0 })
        {
            body.Add(new ActionSet([.. pictures.Select((link, i) => new OpenUrlAction(texts.Tickets_OpenPicture(i + 1), link))]));
        }
        AddHistory(body, history, texts, zone);
        if (ticket.IsOpen && mayAct && ticket.FeedbackId is null)
        {
            // A row of its own under the history: the four that handle the ticket fit the chat's width in every language.
            body.Add(new ActionSet([new ExecuteAction(texts.Tickets_LogAsFeedback, TicketVerbs.FeedbackForm) { Data = new TicketFeedbackData(ticket.Id), AssociatedInputs = AssociatedInputs.None }]) { Separator = true, Spacing = Spacing.Medium });
        }
        return new AdaptiveCard(body)
        {
            Actions = ticket.IsOpen && mayAct ? Actions(ticket, texts, reassignTargets) : null,
            FallbackText = texts.Tickets_StaffTitle(ticket.Id, TicketCards.UrgencyText(ticket.Urgency, texts)),
        };
    }

    private static string DueText(Ticket ticket, Texts texts, TimeZoneInfo zone, DateTimeOffset now) =>
        ticket.Status == TicketStatus.Open
            ? $"{PeopleTime.Moment(ticket.DueAt, zone, texts)} ({PeopleTime.Until(ticket.DueAt, now, texts)})"
            : PeopleTime.Moment(ticket.DueAt, zone, texts);

    private static void AddHistory(List<CardElement> body, IReadOnlyList<TicketEvent> history, Texts texts, TimeZoneInfo zone)
    {
        var shown = history.Where(e => e.Kind != TicketEventKind.Created).TakeLast(HistoryShown).ToList();
        if (shown.Count == 0)
        {
            return;
        }
        body.Add(new TextBlock(texts.Tickets_HistoryTitle) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
        foreach (var entry in shown)
        {
            body.Add(new TextBlock($"{PeopleTime.Moment(entry.At, zone, texts)} · {TicketEventText.Line(entry, texts)}") { Wrap = true, Size = TextSize.Small, IsSubtle = true });
            if (entry.Kind is TicketEventKind.LiaisonReply or TicketEventKind.ReporterMessage or TicketEventKind.Resolved && entry.Text is { } said)
            {
                body.Add(CardText.UserText(said, 300));
            }
        }
    }

    private static List<CardAction> Actions(Ticket ticket, Texts texts, IReadOnlyList<Choice> reassignTargets)
    {
        var actions = new List<CardAction>();
        if (ticket.Status == TicketStatus.Open)
        {
            actions.Add(new ExecuteAction(texts.Tickets_Claim, TicketVerbs.Claim) { Data = new TicketActionData(ticket.Id), Style = ActionStyle.Positive });
        }
        actions.Add(TicketCards.MessageAction(ticket.Id, texts, TextKeys.Tickets_Reply, TicketVerbs.Reply, "replyText"));
        actions.Add(new ShowCardAction(texts.Tickets_Resolve, new AdaptiveCard(
            new TextInput("resolution")
            {
                Label = texts.Tickets_ResolutionLabel,
                IsMultiline = true,
                IsRequired = true,
                MaxLength = TicketCards.MaxMessage,
                ErrorMessage = texts.Tickets_ResolutionMissing,
            })
        {
            Actions = [new ExecuteAction(texts.Tickets_ResolveSend, TicketVerbs.Resolve) { Data = new TicketActionData(ticket.Id) }],
        }));
        if (reassignTargets.Count > 0)
        {
            actions.Add(new ShowCardAction(texts.Tickets_Reassign, new AdaptiveCard(
                new ChoiceSetInput("target", reassignTargets)
                {
                    Label = texts.Tickets_ReassignLabel,
                    Style = ChoiceInputStyle.Compact,
                    IsRequired = true,
                    ErrorMessage = texts.Tickets_ReassignMissing,
                })
            {
                Actions = [new ExecuteAction(texts.Tickets_ReassignSend, TicketVerbs.Reassign) { Data = new TicketActionData(ticket.Id) }],
            }));
        }
        return actions;
    }

    private static IEnumerable<Fact> ServiceFact(Ticket ticket, Texts texts) =>
        ticket.ServiceName is { } service ? [new Fact(texts.Tickets_FactService, CardText.Escape(service))] : [];

    private static IEnumerable<Fact> FeedbackFact(Ticket ticket, Texts texts) =>
        ticket.FeedbackId is { } item ? [new Fact(texts.Tickets_FactFeedback, CardText.Escape(item))] : [];
}
