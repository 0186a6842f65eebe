using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// The dashboard's "Remind" for a group below the district's rate: each open poll sent in the period gets, once per group,
/// the same reminder its author's Remind sends (kind <see cref="PollService.ReminderKind"/>, at the recipient's
/// department's quiet hours, skipped at render time for anyone who has answered meanwhile), to the group's recipients
/// who have not answered. An anonymous poll is reminded the way its author's Remind does, through its secret while it is
/// open; nothing of who was reminded goes back to the dashboard.
/// </summary>
public sealed class PollGroupReminders(PollStore polls, VoteStore votes, IOutbox outbox, QuietHours quiet, IReportFigures figures, TimeProvider clock) : IPollGroupReminders
{
    public async Task<int> RemindAsync(ReminderGroup group, DateTimeOffset sentFrom, DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!group.IsValid)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var reminded = 0;
        await foreach (var poll in polls.ListSentAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!poll.IsOpenAt(now) || poll.CreatedAt < sentFrom || poll.CreatedAt >= sentBefore)
            {
                continue;
            }
            var (_, secret) = await polls.FindForVotingAsync(poll.Id, cancellationToken).ConfigureAwait(false);
            if (poll.Spec.Anonymous && secret is null)
            {
                continue;
            }
            // Once per poll and group: a second press, or a second administrator, reminds no one twice.
            if (!await figures.ClaimOnceAsync($"group-reminder|{poll.Id}|{group.Kind}|{group.Value}", cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            await RemindPollAsync(poll, secret, group, cancellationToken).ConfigureAwait(false);
            reminded++;
        }
        return reminded;
    }

    private async Task RemindPollAsync(Poll poll, byte[]? secret, ReminderGroup group, CancellationToken cancellationToken)
    {
        var plan = await quiet.PlanAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var recipient in polls.ListRecipientsAsync(poll.Id, cancellationToken).ConfigureAwait(false))
        {
            if (!InGroup(recipient, group)
                || await votes.FindAsync(poll.Id, VoteStore.VoterKey(poll, secret, recipient.UserId), cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }
            await outbox.EnqueueAsync(OutboxMessage.Create(recipient.UserId, PollService.ReminderKind, new PollPayload(poll.Id), OutboxPriority.Normal, plan.For(recipient.DepartmentCode)), cancellationToken).ConfigureAwait(false);
        }
    }

    // The groups as the participation figures name them (AskFigures): department codes in upper case, roles in lower case.
    private static bool InGroup(PollRecipient recipient, ReminderGroup group) => group.Kind == "dept"
        ? string.Equals(recipient.DepartmentCode?.ToUpperInvariant(), group.Value, StringComparison.Ordinal)
        : string.Equals(recipient.Role?.Trim().ToLowerInvariant(), group.Value, StringComparison.Ordinal);
}
