using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// When school time changes (a snow day declared this morning), every open promise keeps the school time it had
/// left: its due time and its next escalation move later by the school time lost, and the reporter is told.
/// </summary>
public sealed partial class TicketPromiseShift(TicketStore tickets, TicketNotifier notifier, ILogger<TicketPromiseShift> logger) : ICalendarFollower
{
    public async Task SchoolTimeChangedAsync(SchoolCalendar before, SchoolCalendar after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        var open = new List<Ticket>();
        await foreach (var ticket in tickets.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Add(ticket);
        }
        ArgumentNullException.ThrowIfNull(before);
        // What the reporter is told caused it: the earliest new closure, else the earliest new break.
        var reason = after.Closures.Except(before.Closures).OrderBy(c => c.Date).Select(c => c.Name)
            .Concat(after.Breaks.Except(before.Breaks).OrderBy(b => b.First).Select(b => b.Name))
            .FirstOrDefault() ?? string.Empty;
        foreach (var ticket in open)
        {
            await ShiftAsync(ticket, before, after, now, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShiftAsync(Ticket ticket, SchoolCalendar before, SchoolCalendar after, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        var result = await tickets.ChangeAsync(ticket.Id, t =>
        {
            var (was, becomes) = (before.For(t.DepartmentCode), after.For(t.DepartmentCode));
            var due = SchoolTime.Shift(was, becomes, now, t.DueAt);
            return !t.IsOpen || due == t.DueAt
                ? Decision.Keep<TicketChange>()
                : TicketChange.Write(
                    t with { DueAt = due, NextEscalationAt = SchoolTime.Shift(was, becomes, now, t.NextEscalationAt) },
                    new TicketEvent(t.Id, TicketStore.NewEventKey(now), TicketEventKind.Postponed, now, null, null, reason));
        }, cancellationToken).ConfigureAwait(false);
        if (result is not { Written: true, State: { } moved, Change: { } change })
        {
            return;
        }
        await notifier.SendEventAsync(moved, moved.ReporterUserId, change.Events[0], OutboxPriority.Normal, cancellationToken).ConfigureAwait(false);
        await notifier.RefreshCardsAsync(moved.Id, null, null, cancellationToken).ConfigureAwait(false);
        LogPostponed(logger, moved.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved the promise of ticket {TicketId} after a change of school time")]
    private static partial void LogPostponed(ILogger logger, string ticketId);
}
