using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeamsEngage.Anonymity;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Polls (partition = poll id: the definition row and, while the poll is open, its voter-key secret), the index of open
/// polls, and who each poll was sent to. Definitions are cached for a moment so a burst of votes reads them once.
/// </summary>
public sealed class PollStore(ITableStore store, TimeProvider clock, IOptions<PollsOptions> options)
{
    public const string PollsTable = "Polls";
    public const string RecipientsTable = "PollRecipients";

    private readonly IStoreTable _polls = store.Table(PollsTable);
    private readonly IStoreTable _recipients = store.Table(RecipientsTable);
    private readonly ConcurrentDictionary<string, CachedPoll> _cache = new(StringComparer.Ordinal);

    /// <summary>Writes a new draft.</summary>
    public async Task<Poll> CreateDraftAsync(Poll poll, CancellationToken cancellationToken)
    {
        var written = await _polls.InsertAsync(PollEntities.ToEntity(poll), cancellationToken).ConfigureAwait(false);
        return poll with { ETag = written.ETag };
    }

    /// <summary>The poll, read from the store.</summary>
    public async Task<Poll?> FindAsync(string pollId, CancellationToken cancellationToken)
    {
        if (!IsPollId(pollId))
        {
            return null;
        }
        var entity = await _polls.GetAsync(pollId, PollEntities.PollRow, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : PollEntities.FromEntity(entity);
    }

    /// <summary>The cache is the process's, the polls are a tenant's: an entry is found only in the tenant that read it.</summary>
    private static string CacheKey(string pollId) => TenantScope.Require("the poll cache") + TenantScope.Separator + pollId;

    /// <summary>The poll and its voter-key secret (null once closed), cached for a moment.</summary>
    public async Task<(Poll? Poll, byte[]? Secret)> FindForVotingAsync(string pollId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(CacheKey(pollId), out var cached) && cached.Until > now)
        {
            return (cached.Poll, cached.Secret);
        }
        var poll = await FindAsync(pollId, cancellationToken).ConfigureAwait(false);
        byte[]? secret = null;
        if (poll is { Status: PollStatus.Open })
        {
            var row = await _polls.GetAsync(pollId, PollEntities.SecretRow, cancellationToken).ConfigureAwait(false);
            secret = Pepper(row?.GetBinary("Key"), pollId);
        }
        if (poll is not null)
        {
            _cache[CacheKey(pollId)] = new CachedPoll(poll, secret, now + options.Value.PollCacheDuration);
        }
        return (poll, secret);
    }

    /// <summary>Replaces the poll if it did not change since it was read. Throws <see cref="StorePreconditionFailedException"/> otherwise.</summary>
    public async Task<Poll> UpdateAsync(Poll poll, CancellationToken cancellationToken)
    {
        var written = await _polls.UpdateAsync(PollEntities.ToEntity(poll), cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(CacheKey(poll.Id), out _);
        return poll with { ETag = written.ETag };
    }

    /// <summary>Deletes a draft if it did not change since it was read. Throws <see cref="StorePreconditionFailedException"/> otherwise.</summary>
    public async Task DeleteDraftAsync(Poll draft, CancellationToken cancellationToken)
    {
        await _polls.DeleteAsync(draft.Id, PollEntities.PollRow, draft.ETag, cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(CacheKey(draft.Id), out _);
    }

    /// <summary>Creates the poll's random voter-key secret and lists it as open. Idempotent.</summary>
    public async Task OpenAsync(Poll poll, CancellationToken cancellationToken)
    {
        var secret = VoterKeys.NewSecret();
        try
        {
            await _polls.InsertAsync(new StoreEntity(poll.Id, PollEntities.SecretRow, new Dictionary<string, object?> { ["Key"] = secret }), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            // A retried send keeps the first secret, so votes already cast keep their keys.
        }
        await _polls.UpsertAsync(new StoreEntity(PollEntities.OpenPartition, poll.Id, new Dictionary<string, object?> { ["ClosesAt"] = poll.Spec.ClosesAt.ToUniversalTime() }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Destroys the secret (no vote key can be recomputed afterwards) and removes the poll from the open list.</summary>
    public async Task ForgetSecretAsync(string pollId, CancellationToken cancellationToken)
    {
        await DeleteIfPresentAsync(pollId, PollEntities.SecretRow, cancellationToken).ConfigureAwait(false);
        await DeleteIfPresentAsync(PollEntities.OpenPartition, pollId, cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(CacheKey(pollId), out _);
    }

    /// <summary>Every poll that was sent (open or closed), read from the store; drafts are left out.</summary>
    public IAsyncEnumerable<Poll> ListSentAsync(CancellationToken cancellationToken) =>
        _polls.ScanAllAsync(cancellationToken)
            .Where(row => row.RowKey == PollEntities.PollRow)
            .Select(PollEntities.FromEntity)
            .Where(poll => poll.Status != PollStatus.Draft);

    /// <summary>Ids of every poll on the open list (opened and not yet sealed).</summary>
    public async Task<IReadOnlyList<string>> ListOpenAsync(CancellationToken cancellationToken) =>
        await _polls.QueryAllAsync(PollEntities.OpenPartition, cancellationToken: cancellationToken).Select(row => row.RowKey).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Ids of open polls whose closing time has passed.</summary>
    public async Task<IReadOnlyList<string>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<string>();
        await foreach (var row in _polls.QueryAllAsync(PollEntities.OpenPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("ClosesAt") is { } closesAt && closesAt <= now)
            {
                due.Add(row.RowKey);
            }
        }
        return due;
    }

    /// <summary>Records recipients, 100 to a batch.</summary>
    public async Task AddRecipientsAsync(string pollId, IReadOnlyList<PollRecipient> recipients, CancellationToken cancellationToken)
    {
        foreach (var chunk in recipients.Chunk(100))
        {
            var batch = chunk.Select(r => new BatchOperation(BatchOperationKind.Upsert, PollEntities.ToEntity(r, pollId))).ToList();
            await _recipients.SubmitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The recipient row of a person, or null when the poll was not sent to them.</summary>
    public async Task<PollRecipient?> FindRecipientAsync(string pollId, string userId, CancellationToken cancellationToken)
    {
        var entity = await _recipients.GetAsync(pollId, StoreKey.Escape(userId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : PollEntities.RecipientFromEntity(entity);
    }

    /// <summary>Every recipient of a poll.</summary>
    public async IAsyncEnumerable<PollRecipient> ListRecipientsAsync(string pollId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _recipients.QueryAllAsync(pollId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return PollEntities.RecipientFromEntity(row);
        }
    }

    /// <summary>
    /// The secret voter keys are made with: the stored one, or, when a pepper is configured, an HMAC of it under the pepper,
    /// which someone holding only the store's files does not have.
    /// </summary>
    private byte[]? Pepper(byte[]? stored, string pollId) => VoterKeys.Peppered(stored, options.Value.VoterKeyPepper, pollId);

    /// <summary>A new poll id: 32 hex digits, safe as a key and in a URL.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    private static bool IsPollId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private async Task DeleteIfPresentAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await _polls.DeleteAsync(partitionKey, rowKey, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreNotFoundException)
        {
            // Already gone: a second close or a sweep racing "close now".
        }
    }

    private sealed record CachedPoll(Poll Poll, byte[]? Secret, DateTimeOffset Until);
}
