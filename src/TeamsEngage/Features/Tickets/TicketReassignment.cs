using TeamsEngage.Bot;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Tickets;

/// <summary>Reassign: to another liaison (<c>p:KEY</c>) or to another department (<c>d:CODE</c>, its liaison or the administrators).</summary>
public sealed class TicketReassignment(TicketDesk desk, TicketMutation mutation, TicketPeople people, TicketNotifier notifier)
{
    public async Task<CardActionResult> ReassignAsync(CardActionContext context, TicketReassignData? data, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var actor = await desk.ActorAsync(context, data?.TicketId, cancellationToken).ConfigureAwait(false);
        if (actor.Refusal is not null)
        {
            return CardActionResult.WithMessage(actor.Refusal);
        }
        var target = await TargetAsync(data!.Target, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return CardActionResult.WithMessage(texts["Tickets_ReassignMissing"]);
        }
        var (department, assignee) = target.Value;
        var outcome = await mutation.ApplyAsync(data.TicketId!, texts["Tickets_NotFound"], t => t.Status == TicketStatus.Resolved
            ? TicketDecision.Refuse(texts["Tickets_AlreadyResolved"])
            : TicketDecision.Change(
                t with
                {
                    DepartmentCode = department?.Code.ToUpperInvariant() ?? t.DepartmentCode,
                    DepartmentName = department?.Name ?? t.DepartmentName,
                    Status = TicketStatus.Open,
                    AssigneeKey = assignee?.Key,
                    AssigneeName = assignee?.Name,
                    ClaimedByKey = null,
                    ClaimedByName = null,
                    ClaimedByUserId = null,
                    EscalationLevel = assignee is null ? 2 : 0,
                    ReminderSent = false,
                    NextEscalationAt = t.DueAt,
                },
                desk.Event(t, TicketEventKind.Reassigned, actor, assignee?.Name ?? department?.Name)), cancellationToken).ConfigureAwait(false);
        if (outcome is { Refusal: null, Changed: true, Ticket: { } moved })
        {
            var handlers = assignee is not null ? [assignee] : await people.AdministratorsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var handler in handlers.Where(h => h.UserId != context.Caller.UserId))
            {
                await notifier.SendCardAsync(moved, handler.UserId, TicketCardView.Staff, outcome.Events[0].RowKey, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
            }
        }
        return await desk.AfterAsync(context, outcome, tellReporter: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(Department? Department, TicketContact? Assignee)?> TargetAsync(string? target, CancellationToken cancellationToken)
    {
        if (target is { Length: > 2 } && target.StartsWith("p:", StringComparison.Ordinal))
        {
            var person = await people.FindAsync(target[2..], cancellationToken).ConfigureAwait(false);
            if (person is null || person.Role < Role.Liaison)
            {
                return null;
            }
            var reachable = await people.ReachableAsync(person.Key, cancellationToken).ConfigureAwait(false);
            return reachable is null ? null : (null, reachable);
        }
        if (target is { Length: > 2 } && target.StartsWith("d:", StringComparison.Ordinal)
            && await people.DepartmentAsync(target[2..], cancellationToken).ConfigureAwait(false) is { } department)
        {
            return (department, await people.ReachableAsync(department.LiaisonKey, cancellationToken).ConfigureAwait(false));
        }
        return null;
    }
}
