using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeamsEngage.Anonymity;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// One row per voter (partition = poll id, row = voter key), written with an upsert: a second vote replaces the first,
/// and concurrent votes never touch a shared counter, so counts are exact. Counting reads the partition; the count
/// shown on voters' cards is reused for a moment (one read at a time per poll) so a burst does not re-read it per vote.
/// </summary>
public sealed class VoteStore(ITableStore store, TimeProvider clock, IOptions<PollsOptions> options)
{
    public const string TableName = "PollVotes";

    private readonly IStoreTable _votes = store.Table(TableName);
    private readonly ConcurrentDictionary<string, CachedTally> _tallies = new(StringComparer.Ordinal);

    /// <summary>
    /// The row key of a voter. Named polls: the escaped user id. Anonymous polls: HMAC-SHA256 of the user id under the
    /// poll's random secret, which is deleted when the poll closes; without it the key cannot be recomputed or tested.
    /// </summary>
    public static string VoterKey(Poll poll, byte[]? secret, string userId)
    {
        if (!poll.Spec.Anonymous)
        {
            return StoreKey.Escape(userId);
        }
        if (secret is null)
        {
            throw new InvalidOperationException("An anonymous poll has no voter secret once it is closed.");
        }
        return VoterKeys.Keyed(secret, userId);
    }

    /// <summary>
    /// Records (or replaces) a vote. Returns true for the voter's first vote: the insert is the one write a first vote
    /// costs, and it tells a first answer from a changed one on every instance at once (two presses: one inserts).
    /// </summary>
    public async Task<bool> CastAsync(string pollId, string voterKey, Vote vote, PollRecipient? namedVoter, CancellationToken cancellationToken)
    {
        var entity = PollEntities.ToEntity(pollId, voterKey, vote, namedVoter);
        try
        {
            await _votes.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreConflictException)
        {
            await _votes.UpsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The voter's current vote, or null.</summary>
    public async Task<Vote?> FindAsync(string pollId, string voterKey, CancellationToken cancellationToken)
    {
        var entity = await _votes.GetAsync(pollId, voterKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : PollEntities.VoteFromEntity(entity);
    }

    /// <summary>
    /// Every vote of a poll, read now. Once an anonymous poll is closed only its sealed rows count, so a vote that raced
    /// "close now" on another instance never changes results already shown.
    /// </summary>
    public async Task<IReadOnlyList<Vote>> ReadAllAsync(Poll poll, CancellationToken cancellationToken)
    {
        var (from, to) = SealedRows.Counted(poll.Spec.Anonymous && poll.Status == PollStatus.Closed);
        var votes = new List<Vote>();
        await foreach (var row in _votes.QueryAllAsync(poll.Id, from, to, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            votes.Add(PollEntities.VoteFromEntity(row));
        }
        return votes;
    }

    /// <summary>
    /// Replaces the voter keys of a closed anonymous poll by random ones: the keyed hashes are the last thing that could
    /// tie a row to a person (with the secret, or a copy of it), and rewriting every row also gives them all one timestamp.
    /// A batch inserts the new rows and deletes the old ones atomically, so a crash leaves each vote exactly once.
    /// </summary>
    public Task<int> SealAsync(string pollId, CancellationToken cancellationToken) => SealedRows.SealAsync(_votes, pollId, cancellationToken);

    /// <summary>Every named vote with the voter's user id (for exports of named polls).</summary>
    public async Task<IReadOnlyList<(string? UserId, Vote Vote)>> ReadNamedAsync(string pollId, CancellationToken cancellationToken)
    {
        var votes = new List<(string?, Vote)>();
        await foreach (var row in _votes.QueryAllAsync(pollId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            votes.Add((row.GetString("UserId"), PollEntities.VoteFromEntity(row)));
        }
        return votes;
    }

    /// <summary>The exact tally, counted now.</summary>
    public async Task<PollTally> CountAsync(Poll poll, CancellationToken cancellationToken)
    {
        var tally = PollTally.From(poll.Spec.Options.Count, await ReadAllAsync(poll, cancellationToken).ConfigureAwait(false));
        _tallies[CacheKey(poll)] = new CachedTally(Task.FromResult(tally), clock.GetUtcNow() + options.Value.TallyCacheDuration, null);
        return tally;
    }

    /// <summary>
    /// A tally for voters' cards, at most <see cref="PollsOptions.TallyCacheDuration"/> old; a poll so large that counting
    /// it takes longer than that keeps each count <see cref="RecountShare"/> times as long as counting took, so this
    /// instance never spends more than a fifth of its time re-reading one poll's votes. Only a poll's first count is
    /// waited for: while a recount runs (one at a time per poll), cards show the count before it, so no voter waits for
    /// the partition to be read again.
    /// </summary>
    public Task<PollTally> RecentTallyAsync(Poll poll, CancellationToken cancellationToken)
    {
        var key = CacheKey(poll);
        var now = clock.GetUtcNow();
        while (true)
        {
            if (_tallies.TryGetValue(key, out var cached) && cached.Until > now && !cached.Tally.IsFaulted)
            {
                return cached.ShownNow().WaitAsync(cancellationToken);
            }
            // Shared by every card that arrives while it runs, so no one caller's cancellation ends it for the others.
            var fresh = new CachedTally(CountUncachedAsync(poll, CancellationToken.None), now + options.Value.TallyCacheDuration, cached?.Latest);
            if (cached is null ? _tallies.TryAdd(key, fresh) : _tallies.TryUpdate(key, fresh, cached))
            {
                KeepLongerWhenSlow(key, fresh, now);
                return fresh.ShownNow().WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>How many times as long as a count took it is reused, at least: counting then takes at most a fifth of the time.</summary>
    public const int RecountShare = 4;

    // Runs as the count completes, before its callers continue, so no caller sees the shorter moment of a slow count.
    // A failed recount nobody waited for is observed here; the next card counts again.
    private void KeepLongerWhenSlow(string key, CachedTally counting, DateTimeOffset started) =>
        _ = counting.Tally.ContinueWith(
            count =>
            {
                _ = count.Exception;
                var finished = clock.GetUtcNow();
                var kept = (finished - started) * RecountShare;
                if (count.IsCompletedSuccessfully && kept > options.Value.TallyCacheDuration)
                {
                    _tallies.TryUpdate(key, counting with { Until = finished + kept }, counting);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Forgets the cached tally (after a close, so the final count is read fresh).</summary>
    public void Invalidate(string pollId)
    {
        foreach (var status in Enum.GetValues<PollStatus>())
        {
            _tallies.TryRemove(CacheKey(pollId, status), out _);
        }
    }

    // An open and a closed anonymous poll count different rows, so their tallies are cached apart; the cache is the
    // process's and the polls a tenant's, so the tenant is part of the key.
    private static string CacheKey(Poll poll) => CacheKey(poll.Id, poll.Status);

    private static string CacheKey(string pollId, PollStatus status) =>
        TenantScope.Require("the tally cache") + TenantScope.Separator + pollId + "|" + status;

    private async Task<PollTally> CountUncachedAsync(Poll poll, CancellationToken cancellationToken) =>
        PollTally.From(poll.Spec.Options.Count, await ReadAllAsync(poll, cancellationToken).ConfigureAwait(false));

    /// <summary>A count, done or running, and the last finished count before it.</summary>
    private sealed record CachedTally(Task<PollTally> Tally, DateTimeOffset Until, PollTally? Previous)
    {
        /// <summary>The count once it is done; while it runs (or after it failed), the one before it, if there is one.</summary>
        public Task<PollTally> ShownNow() => Tally.IsCompletedSuccessfully || Previous is null ? Tally : Task.FromResult(Previous);

        /// <summary>The newest finished count.</summary>
        public PollTally? Latest => Tally.IsCompletedSuccessfully ? Tally.Result : Previous;
    }
}
