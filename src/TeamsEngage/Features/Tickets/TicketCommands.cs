using TeamsEngage.Localization;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Tickets;

/// <summary><c>report</c>: the report form, with whatever was typed after the command as the description.</summary>
public sealed class ReportCommand : ICommand
{
    public BotCommand Command => BotCommands.Report;

    public Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var prefill = new ReportFormData(Description: context.Arguments.Length == 0 ? null : context.Arguments);
        return context.Turn.SendAsync(Replies.Card(TicketCards.ReportForm(texts, prefill), texts["Tickets_FormTitle"]), cancellationToken);
    }
}

/// <summary><c>my issues</c>: the caller's open tickets and those closed recently.</summary>
public sealed class MyIssuesCommand(TicketStore tickets, IOptions<TicketsOptions> options, TimeProvider clock) : ICommand
{
    public BotCommand Command => BotCommands.MyIssues;

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.Value.RecentlyClosed;
        var mine = new List<Ticket>();
        await foreach (var ticket in tickets.ListByReporterAsync(context.Caller.UserId, cancellationToken).ConfigureAwait(false))
        {
            if (ticket.IsOpen || ticket.ResolvedAt >= since)
            {
                mine.Add(ticket);
            }
        }
        var ordered = mine.OrderBy(t => t.IsOpen ? 0 : 1).ThenByDescending(t => t.CreatedAt).ToList();
        var texts = context.Caller.Texts;
        var card = TicketCards.MyIssues(ordered, texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()));
        await context.Turn.SendAsync(Replies.Card(card, texts["Tickets_MyIssuesTitle"]), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>queue</c>: open tickets of the liaison's departments (every department for administrators), oldest promise first.</summary>
public sealed class QueueCommand(TicketStore tickets, TicketPeople people, TimeProvider clock) : ICommand
{
    public BotCommand Command => BotCommands.Queue;

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        var codes = (await people.DepartmentsOfAsync(caller, cancellationToken).ConfigureAwait(false))
            .Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var me = (await people.PersonOfAsync(caller, cancellationToken).ConfigureAwait(false))?.Key;
        var everything = caller.Has(Role.Administrator);
        var queue = new List<Ticket>();
        await foreach (var ticket in tickets.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (everything || codes.Contains(ticket.DepartmentCode) || TicketPeople.Same(me, ticket.AssigneeKey) || TicketPeople.Same(me, ticket.ClaimedByKey))
            {
                queue.Add(ticket);
            }
        }
        var card = TicketStaffCards.Queue([.. queue.OrderBy(t => t.DueAt)], caller.Texts, clock.GetUtcNow());
        await context.Turn.SendAsync(Replies.Card(card, caller.Texts["Tickets_QueueTitle"]), cancellationToken).ConfigureAwait(false);
    }
}
