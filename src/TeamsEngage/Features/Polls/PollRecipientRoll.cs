using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Who a poll was sent to, read once per poll by each instance: the list does not change once the poll is sent, and
/// checking every voter with a point read would double what a vote costs on Azure Tables. A voter missing from the roll
/// (written after it was read, while the poll was still being sent) is looked up and added. A poll sent to more than
/// <see cref="MaxHeld"/> people is checked per vote, so the roll's memory stays bounded. An erasure forgets every roll.
/// </summary>
public sealed class PollRecipientRoll(PollStore polls, TimeProvider clock, IOptions<PollsOptions> options)
{
    /// <summary>The most recipients a roll holds (about 200 bytes each).</summary>
    public const int MaxHeld = 100_000;

    private readonly ConcurrentDictionary<string, Roll> _rolls = new(StringComparer.Ordinal);

    /// <summary>The recipient row of a person, or null when the poll was not sent to them.</summary>
    public async Task<PollRecipient?> FindAsync(Poll poll, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poll);
        if (poll.Recipients > MaxHeld)
        {
            return await polls.FindRecipientAsync(poll.Id, userId, cancellationToken).ConfigureAwait(false);
        }
        var people = await RollOf(poll.Id).People.Value.ConfigureAwait(false);
        if (people.TryGetValue(userId, out var known))
        {
            return known;
        }
        var found = await polls.FindRecipientAsync(poll.Id, userId, cancellationToken).ConfigureAwait(false);
        if (found is not null)
        {
            people[userId] = found;
        }
        return found;
    }

    /// <summary>Forgets every roll (a person's recipient rows were erased).</summary>
    public void Clear() => _rolls.Clear();

    private Roll RollOf(string pollId)
    {
        var key = TenantScope.Require("the recipient roll") + TenantScope.Separator + pollId;
        var now = clock.GetUtcNow();
        while (true)
        {
            if (_rolls.TryGetValue(key, out var roll) && roll.Until > now && !roll.People.Value.IsFaulted)
            {
                return roll;
            }
            var fresh = new Roll(new Lazy<Task<ConcurrentDictionary<string, PollRecipient>>>(() => LoadAsync(pollId)), now + options.Value.RecipientRollDuration);
            if (roll is null ? _rolls.TryAdd(key, fresh) : _rolls.TryUpdate(key, fresh, roll))
            {
                ForgetExpired(now);
                return fresh;
            }
        }
    }

    private async Task<ConcurrentDictionary<string, PollRecipient>> LoadAsync(string pollId)
    {
        // Not the voter's token: the roll serves every voter after them.
        var people = new ConcurrentDictionary<string, PollRecipient>(StringComparer.Ordinal);
        await foreach (var recipient in polls.ListRecipientsAsync(pollId, CancellationToken.None).ConfigureAwait(false))
        {
            people[recipient.UserId] = recipient;
        }
        return people;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (key, roll) in _rolls)
        {
            if (roll.Until <= now)
            {
                _rolls.TryRemove(new KeyValuePair<string, Roll>(key, roll));
            }
        }
    }

    private sealed record Roll(Lazy<Task<ConcurrentDictionary<string, PollRecipient>>> People, DateTimeOffset Until);
}
