using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Tickets;

/// <summary>Which open tickets the queue card shows.</summary>
public enum QueueFilter
{
    All,

    /// <summary>Those the caller has taken.</summary>
    Mine,
    Unclaimed,
    Overdue,
}

/// <summary>One page of the queue as the caller may see it now.</summary>
public sealed record QueueView(IReadOnlyList<Ticket> Tickets, QueueFilter Filter, int Page, int Pages, int Total, DateTimeOffset Now, string ForUserId);

/// <summary>
/// <c>queue</c>: the open tickets of the caller's departments, those given to them or claimed by them (every one for
/// administrators), oldest promise first. The card is current (Teams refreshes it when it is looked at), filtered,
/// paged, and each ticket can be opened or claimed from it.
/// </summary>
public sealed class TicketQueueDesk(TicketStore tickets, TicketPeople people, TicketDesk desk, TicketNotifier notifier, TimeProvider clock)
{
    public const int PageSize = 8;

    public async Task QueueAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(command.Caller, QueueFilter.All, 0, cancellationToken).ConfigureAwait(false);
        await command.Turn.SendAsync(Replies.Card(TicketQueueCards.Queue(view, command.Texts), command.Texts.Tickets_QueueTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Another filter or page, or the same one again (the Refresh button and Teams' automatic refresh).</summary>
    public async Task<CardActionResult> BrowseAsync(CardAction<TicketQueueData> action, CancellationToken cancellationToken) =>
        await CardAsync(action, action.Data.Filter, action.Data.Page, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends the ticket's own card (with every action) to the caller; the queue stays as it is.</summary>
    public async Task<CardActionResult> OpenAsync(CardAction<TicketQueueItemData, Ticket> action, CancellationToken cancellationToken)
    {
        await notifier.SendCardAsync(action.Entity, action.Caller.UserId, TicketCardView.Staff, null, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(action.Texts.Tickets_QueueOpening(action.Entity.Id));
    }

    /// <summary>Claims as the ticket card's Claim does, and shows the queue as it now stands.</summary>
    public async Task<CardActionResult> ClaimAsync(CardAction<TicketQueueItemData, Ticket> action, CancellationToken cancellationToken)
    {
        var result = await desk.ClaimChangeAsync(action, action.Entity.Id, cancellationToken).ConfigureAwait(false);
        if (result.Unanswered() is { } unanswered)
        {
            return unanswered;
        }
        await desk.TellAsync(action, result, tellReporter: true, cancellationToken).ConfigureAwait(false);
        return await CardAsync(action, action.Data.Filter, action.Data.Page, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> CardAsync(CardActionContext context, string? filter, int? page, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(context.Caller, ParseFilter(filter), page ?? 0, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(TicketQueueCards.Queue(view, context.Texts));
    }

    private async Task<QueueView> ViewAsync(Caller caller, QueueFilter filter, int page, CancellationToken cancellationToken)
    {
        var codes = (await people.DepartmentsOfAsync(caller, cancellationToken).ConfigureAwait(false))
            .Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var me = (await people.PersonOfAsync(caller, cancellationToken).ConfigureAwait(false))?.Key;
        var everything = caller.Has(Role.Administrator);
        var now = clock.GetUtcNow();
        var shown = new List<Ticket>();
        await foreach (var ticket in tickets.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var mine = TicketPeople.Same(me, ticket.ClaimedByKey);
            var visible = everything || codes.Contains(ticket.DepartmentCode) || mine || TicketPeople.Same(me, ticket.AssigneeKey);
            if (visible && Matches(filter, ticket, mine, now))
            {
                shown.Add(ticket);
            }
        }
        var pages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 0, pages - 1);
        var slice = shown.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).Skip(current * PageSize).Take(PageSize).ToList();
        return new QueueView(slice, filter, current, pages, shown.Count, now, caller.UserId);
    }

    private static bool Matches(QueueFilter filter, Ticket ticket, bool mine, DateTimeOffset now) => filter switch
    {
        QueueFilter.Mine => mine,
        QueueFilter.Unclaimed => ticket.Status == TicketStatus.Open,
        QueueFilter.Overdue => ticket.DueAt < now,
        _ => true,
    };

    private static QueueFilter ParseFilter(string? filter) =>
        Enum.TryParse<QueueFilter>(filter, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : QueueFilter.All;
}
