using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>The queue card: filters, one page of open tickets each with Open (and Claim when nobody has it), and the pages.</summary>
public static class TicketQueueCards
{
    public static AdaptiveCard Queue(QueueView view, Texts texts)
    {
        var body = new List<CardElement>
        {
            TicketCards.Title(texts.Tickets_QueueTitle),
            new ActionSet([.. Enum.GetValues<QueueFilter>().Select(f => Browse(FilterText(f, texts), f, 0, f == view.Filter))]),
            new TextBlock(texts.Tickets_QueueShowing(FilterText(view.Filter, texts), view.Total, view.Page + 1, view.Pages)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Small },
        };
        if (view.Total == 0)
        {
            body.Add(new TextBlock(view.Filter == QueueFilter.All ? texts.Tickets_QueueEmpty : texts.Tickets_QueueNoneHere) { Wrap = true });
        }
        foreach (var ticket in view.Tickets)
        {
            body.Add(Row(ticket, view, texts));
        }
        var actions = new List<CardAction>();
        if (view.Page > 0)
        {
            actions.Add(Browse(texts.Tickets_QueuePrevious, view.Filter, view.Page - 1, selected: false));
        }
        if (view.Page < view.Pages - 1)
        {
            actions.Add(Browse(texts.Tickets_QueueNext, view.Filter, view.Page + 1, selected: false));
        }
        actions.Add(Browse(texts.Tickets_QueueRefresh, view.Filter, view.Page, selected: false));
        return new AdaptiveCard(body)
        {
            Actions = actions,
            // Teams asks for the card anew when the liaison looks at it, so a claim made elsewhere shows.
            Refresh = new CardRefresh(new ExecuteAction(texts.Tickets_QueueRefresh, TicketVerbs.Queue) { Data = new TicketQueueData(view.Filter.ToString(), view.Page) }) { UserIds = [view.ForUserId] },
            FallbackText = texts.Tickets_QueueTitle,
        };
    }

    public static string FilterText(QueueFilter filter, Texts texts) => texts["Tickets_QueueFilter" + filter];

    private static Container Row(Ticket ticket, QueueView view, Texts texts)
    {
        var buttons = new List<CardAction>
        {
            new ExecuteAction(texts.Tickets_QueueOpen, TicketVerbs.QueueOpen) { Data = new TicketQueueItemData(ticket.Id, view.Filter.ToString(), view.Page) },
        };
        if (ticket.Status == TicketStatus.Open)
        {
            buttons.Add(new ExecuteAction(texts.Tickets_Claim, TicketVerbs.QueueClaim) { Data = new TicketQueueItemData(ticket.Id, view.Filter.ToString(), view.Page), Style = ActionStyle.Positive });
        }
        var overdue = ticket.DueAt < view.Now;
        return new Container(
            new TextBlock($"**{ticket.Id}** · {TicketCards.UrgencyText(ticket.Urgency, texts)} · {TicketCards.StatusText(ticket, texts)}") { Wrap = true },
            CardText.UserText(ticket.Description, 140),
            new TextBlock(texts.Tickets_QueueLine(CardText.Escape(ticket.ReporterName ?? string.Empty), PeopleTime.Until(ticket.DueAt, view.Now, texts)))
            {
                IsSubtle = !overdue,
                Color = overdue ? TextColor.Attention : null,
                Size = TextSize.Small,
                Wrap = true,
            },
            new ActionSet(buttons))
        { Separator = true, Spacing = Spacing.Medium };
    }

    private static ExecuteAction Browse(string title, QueueFilter filter, int page, bool selected) =>
        new(title, TicketVerbs.Queue) { Data = new TicketQueueData(filter.ToString(), page), Style = selected ? ActionStyle.Positive : null };
}
