using TeamsEngage.Bot;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Reassign: to a liaison or backup (<c>p:KEY</c>), to another department (<c>d:CODE</c>, its liaison or the
/// administrators), to the administrators (<see cref="ToAdministrators"/>), or release a claimed ticket back to its
/// department (<see cref="Release"/>).
/// </summary>
public sealed class TicketReassignment(TicketDesk desk, TicketPeople people, IPeopleDirectory directory, TicketNotifier notifier, TicketStore tickets)
{
    public const string ToAdministrators = "a:";
    public const string Release = "u:";

    public async Task<CardActionResult> ReassignAsync(CardAction<TicketReassignData, Ticket> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (action.Data.Target == Release)
        {
            return await ReleaseAsync(action, cancellationToken).ConfigureAwait(false);
        }
        var target = await TargetAsync(action.Data.Target, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return CardActionResult.WithMessage(texts.Tickets_ReassignMissing);
        }
        var (department, assignee) = target.Value;
        var actor = await people.ActorAsync(action.Caller, cancellationToken).ConfigureAwait(false);
        var result = await tickets.ChangeAsync(action.Entity.Id, t => t.Status == TicketStatus.Resolved
            ? Decision.Refuse<TicketChange>(texts.Tickets_AlreadyResolved)
            : TicketChange.Write(
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
                desk.Event(t, TicketEventKind.Reassigned, actor, department?.Name ?? assignee?.Name)), cancellationToken).ConfigureAwait(false);
        if (result is { Written: true, State: { } moved, Change: { } change })
        {
            var handlers = assignee is not null ? [assignee] : await people.AdministratorsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var handler in handlers.Where(h => h.UserId != action.Caller.UserId))
            {
                await notifier.SendCardAsync(moved, handler.UserId, TicketCardView.Staff, change.Events[0].RowKey, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
            }
        }
        return await desk.AfterAsync(action, result, tellReporter: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The claimer lets go: the ticket is open again for its department, and its assignee is told.</summary>
    private async Task<CardActionResult> ReleaseAsync(CardAction<TicketReassignData, Ticket> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var actor = await people.ActorAsync(action.Caller, cancellationToken).ConfigureAwait(false);
        var result = await tickets.ChangeAsync(action.Entity.Id, t => t.Status switch
        {
            TicketStatus.Resolved => Decision.Refuse<TicketChange>(texts.Tickets_AlreadyResolved),
            TicketStatus.Open => Decision.Refuse<TicketChange>(texts.Tickets_ReleaseNotClaimed),
            _ => TicketChange.Write(
                t with { Status = TicketStatus.Open, ClaimedByKey = null, ClaimedByName = null, ClaimedByUserId = null, ReminderSent = false },
                desk.Event(t, TicketEventKind.Released, actor, null)),
        }, cancellationToken).ConfigureAwait(false);
        if (result is { Written: true, State: { } released, Change: { } change })
        {
            var handlers = await people.ReachableAsync(released.AssigneeKey, cancellationToken).ConfigureAwait(false) is { } assignee
                ? [assignee]
                : await people.AdministratorsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var handler in handlers.Where(h => h.UserId != action.Caller.UserId))
            {
                await notifier.SendCardAsync(released, handler.UserId, TicketCardView.Staff, change.Events[0].RowKey, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
            }
        }
        return await desk.AfterAsync(action, result, tellReporter: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(Department? Department, TicketContact? Assignee)?> TargetAsync(string? target, CancellationToken cancellationToken)
    {
        if (target == ToAdministrators)
        {
            return (null, null);
        }
        if (target is { Length: > 2 } && target.StartsWith("p:", StringComparison.Ordinal))
        {
            var person = await directory.FindAsync(target[2..], cancellationToken).ConfigureAwait(false);
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
