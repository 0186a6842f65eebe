using Microsoft.Extensions.Options;
using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Watches the promises: reminds the liaison once before the deadline, then escalates an unclaimed ticket to the
/// backup, then to the administrators, all in school time: nothing fires while school is closed, and the reminder
/// lead and the second step are counted in school hours. Each step is a history entry, written with the ticket's ETag so two instances
/// never escalate the same step twice.
/// </summary>
public sealed partial class TicketEscalation(
    TicketStore tickets,
    TicketPeople people,
    TicketNotifier notifier,
    TicketPromises promises,
    CalendarStore calendars,
    TenantRegistry tenants,
    IOptions<TicketsOptions> options,
    ILogger<TicketEscalation> logger)
{
    /// <summary>One pass over the open tickets of every tenant as of <paramref name="now"/>, each inside its tenant. Returns how many steps it took.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var steps = 0;
        await tenants.ForEachAsync(async (_, ct) => steps += await SweepTenantAsync(now, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return steps;
    }

    private async Task<int> SweepTenantAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var steps = 0;
        var district = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        // Departments with their own hours are checked ticket by ticket; without any, a closed school reads nothing.
        if (district.Departments.Count == 0 && !SchoolTime.IsOpen(district, now))
        {
            return steps;
        }
        var open = new List<Ticket>();
        await foreach (var ticket in tickets.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Add(ticket);
        }
        foreach (var ticket in open.Where(t => t.Status == TicketStatus.Open))
        {
            var calendar = district.For(ticket.DepartmentCode);
            if (!SchoolTime.IsOpen(calendar, now))
            {
                continue;
            }
            if (now >= ticket.NextEscalationAt && ticket.EscalationLevel < 2)
            {
                steps += await EscalateAsync(ticket, calendar, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            else if (!ticket.ReminderSent && ticket.EscalationLevel == 0 && now < ticket.DueAt && SchoolTime.Between(calendar, now, ticket.DueAt) <= options.Value.ReminderLead)
            {
                steps += await RemindAsync(ticket, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }
        return steps;
    }

    private async Task<bool> RemindAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assignee = await people.ReachableAsync(ticket.AssigneeKey, cancellationToken).ConfigureAwait(false);
        var result = await tickets.ChangeAsync(ticket.Id, t => t.Status != TicketStatus.Open || t.ReminderSent
            ? Decision.Keep<TicketChange>()
            : TicketChange.Write(t with { ReminderSent = true }, Event(t, TicketEventKind.Reminded, assignee?.Name ?? t.AssigneeName, now)), cancellationToken).ConfigureAwait(false);
        if (result is not { Written: true, State: { } reminded, Change: { } change })
        {
            return false;
        }
        if (assignee is not null)
        {
            await notifier.SendCardAsync(reminded, assignee.UserId, TicketCardView.Staff, change.Events[0].RowKey, OutboxPriority.Normal, cancellationToken).ConfigureAwait(false);
        }
        await notifier.RefreshCardsAsync(ticket.Id, null, null, cancellationToken).ConfigureAwait(false);
        LogReminded(logger, ticket.Id);
        return true;
    }

    private async Task<bool> EscalateAsync(Ticket ticket, SchoolCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var department = await people.DepartmentAsync(ticket.DepartmentCode, cancellationToken).ConfigureAwait(false);
        var backup = ticket.EscalationLevel == 0 && !TicketPeople.Same(department?.BackupKey, ticket.AssigneeKey)
            ? await people.ReachableAsync(department?.BackupKey, cancellationToken).ConfigureAwait(false)
            : null;
        var level = backup is null ? 2 : 1;
        var promise = await promises.PromiseForAsync(ticket, department, cancellationToken).ConfigureAwait(false);
        var result = await tickets.ChangeAsync(ticket.Id, t => t.Status != TicketStatus.Open || t.EscalationLevel >= level || now < t.NextEscalationAt
            ? Decision.Keep<TicketChange>()
            : TicketChange.Write(
                t with { EscalationLevel = level, NextEscalationAt = level == 1 ? SchoolTime.Add(calendar, t.NextEscalationAt, promise) : t.NextEscalationAt },
                Event(t, TicketEventKind.Escalated, backup?.Name, now)), cancellationToken).ConfigureAwait(false);
        // Contended counts as not escalated: the next sweep decides again on what the ticket is then.
        if (result is not { Written: true, State: { } escalated, Change: { } change })
        {
            return false;
        }
        var targets = backup is not null ? [backup] : await people.AdministratorsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var target in targets)
        {
            await notifier.SendCardAsync(escalated, target.UserId, TicketCardView.Staff, change.Events[0].RowKey, OutboxPriority.Normal, cancellationToken).ConfigureAwait(false);
        }
        await notifier.SendEventAsync(escalated, escalated.ReporterUserId, change.Events[0], OutboxPriority.Normal, cancellationToken).ConfigureAwait(false);
        await notifier.RefreshCardsAsync(ticket.Id, null, null, cancellationToken).ConfigureAwait(false);
        LogEscalated(logger, ticket.Id, level);
        return true;
    }

    private static TicketEvent Event(Ticket t, TicketEventKind kind, string? text, DateTimeOffset now) =>
        new(t.Id, TicketStore.NewEventKey(now), kind, now, null, null, text);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded the liaison of ticket {TicketId}")]
    private static partial void LogReminded(ILogger logger, string ticketId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated ticket {TicketId} to level {Level}")]
    private static partial void LogEscalated(ILogger logger, string ticketId, int level);
}
