using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// Feedback items (one partition: a district files a few hundred a year), their audit (beside each item, keyed by version)
/// and their followers (a partition per item, keyed by person). Items are JSON with their state as a column; every
/// change is conditional on the ETag read.
/// </summary>
public sealed class FeedbackStore(ITableStore store, FeedbackFigures figures)
{
    public const string ItemsTable = "Feedback";
    public const string FollowersTable = "FeedbackFollowers";
    private const string ItemPartition = "item";
    private const char AuditMark = '~';
    private const string TicketLinkPartition = "ticket";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IStoreTable _items = store.Table(ItemsTable);
    private readonly IStoreTable _followers = store.Table(FollowersTable);

    /// <summary>A new random id: ids carry no order, so an anonymous item's id says nothing of when it was filed.</summary>
    public static string NewId()
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        return "FB-" + string.Concat(Enumerable.Range(0, 6).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }

    public async Task<FeedbackItem?> FindAsync(string itemId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(itemId))
        {
            return null;
        }
        var entity = await _items.GetAsync(ItemPartition, StoreKey.Escape(itemId.Trim().ToUpperInvariant()), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<FeedbackItem> InsertAsync(FeedbackItem item, CancellationToken cancellationToken)
    {
        var written = await _items.InsertAsync(ToEntity(item), cancellationToken).ConfigureAwait(false);
        await figures.RaisedAsync(item).ConfigureAwait(false);
        return item with { ETag = written.ETag };
    }

    /// <summary>Inserts the item unless one with its id is stored already; returns the stored one.</summary>
    public async Task<FeedbackItem> InsertOnceAsync(FeedbackItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await InsertAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            return await FindAsync(item.Id, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Feedback item {item.Id} conflicted and is gone.");
        }
    }

    /// <summary>
    /// The id of the item logged from <paramref name="ticketId"/>: <paramref name="newItemId"/> when this call records the
    /// link first, else the id recorded first (a second press, or a retry after a crash before the item was written).
    /// </summary>
    public async Task<string> LinkTicketAsync(string ticketId, string newItemId, CancellationToken cancellationToken)
    {
        var row = new StoreEntity(TicketLinkPartition, StoreKey.Escape(ticketId), new Dictionary<string, object?> { ["ItemId"] = newItemId });
        return (await _items.InsertOrGetAsync(row, cancellationToken).ConfigureAwait(false)).GetString("ItemId") ?? newItemId;
    }

    /// <summary>Read, decide, write on the ETag read; again when another request wrote first.</summary>
    public Task<UpdateResult<FeedbackItem, FeedbackItem>> UpdateAsync(string itemId, Func<FeedbackItem, Decision<FeedbackItem>> decide, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync(
            ct => FindAsync(itemId, ct),
            decide,
            async (current, changed, ct) =>
            {
                var written = await _items.UpdateAsync(ToEntity(changed with { ETag = current.ETag }), ct).ConfigureAwait(false);
                return changed with { ETag = written.ETag };
            },
            cancellationToken);

    /// <summary>
    /// Counts the item's followers after reading it and stores followers plus the anonymous raisers it carries, on the
    /// ETag read: a press counted before another press's row existed loses to the later count, so concurrent presses converge.
    /// </summary>
    public async Task<int> RecountAsync(string itemId, CancellationToken cancellationToken)
    {
        var result = await OptimisticUpdate.ApplyAsync(
            async ct => await FindAsync(itemId, ct).ConfigureAwait(false) is { } item
                ? new Counted(item, await CountFollowersAsync(itemId, ct).ConfigureAwait(false) + item.UnnamedSupport)
                : null,
            counted => counted.Item.Supporters == counted.Total ? Decision.Keep<FeedbackItem>() : Decision.Write(counted.Item with { Supporters = counted.Total }),
            async (counted, changed, ct) =>
            {
                var written = await _items.UpdateAsync(ToEntity(changed with { ETag = counted.Item.ETag }), ct).ConfigureAwait(false);
                return new Counted(changed with { ETag = written.ETag }, counted.Total);
            },
            cancellationToken).ConfigureAwait(false);
        return result.State?.Total ?? 0;
    }

    private sealed record Counted(FeedbackItem Item, int Total);

    /// <summary>
    /// Like <see cref="UpdateAsync"/>, and writes the change's audit row (by <paramref name="actorKey"/>) in the same atomic
    /// batch as the item: a change is stored with its audit or not at all.
    /// </summary>
    public async Task<UpdateResult<FeedbackItem, FeedbackItem>> ChangeAsync(string itemId, Func<FeedbackItem, Decision<FeedbackItem>> decide, string? actorKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await OptimisticUpdate.ApplyAsync(
            ct => FindAsync(itemId, ct),
            decide,
            async (current, changed, ct) =>
            {
                var change = new FeedbackChange(changed.Id, changed.Version, current.State, changed.State, actorKey, at, changed.TargetDate, changed.Reason, changed.MergedInto);
                var written = await _items.SubmitBatchAsync(
                    [new BatchOperation(BatchOperationKind.Update, ToEntity(changed with { ETag = current.ETag })), new BatchOperation(BatchOperationKind.Upsert, AuditEntity(change))],
                    ct).ConfigureAwait(false);
                return changed with { ETag = written[0]!.ETag };
            },
            cancellationToken).ConfigureAwait(false);
        if (result is { Written: true, State: { } moved })
        {
            await figures.MovedAsync(moved, at).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Every item, in id order (which is no order at all: callers sort).</summary>
    public async Task<IReadOnlyList<FeedbackItem>> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<FeedbackItem>();
        await foreach (var entity in _items.QueryAllAsync(ItemPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!entity.RowKey.Contains(AuditMark, StringComparison.Ordinal))
            {
                items.Add(FromEntity(entity));
            }
        }
        return items;
    }

    /// <summary>Adds a follower; false when they already follow the item (so "Me too" counts once per person).</summary>
    public async Task<bool> FollowAsync(string itemId, FeedbackFollower follower, CancellationToken cancellationToken)
    {
        try
        {
            await _followers.InsertAsync(FollowerEntity(itemId, follower), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }

    /// <summary>Whether the person follows the item.</summary>
    public async Task<bool> FollowsAsync(string itemId, string personKey, CancellationToken cancellationToken) =>
        await _followers.GetAsync(itemId, StoreKey.Escape(personKey), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The followers after <paramref name="afterPersonKey"/>, in person-key order, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<FeedbackFollower>> FollowersAsync(string itemId, string? afterPersonKey, int max, CancellationToken cancellationToken)
    {
        var from = afterPersonKey is null ? null : StoreKey.Escape(afterPersonKey) + "\0";
        var page = await _followers.QueryAsync(itemId, from, null, max, null, cancellationToken).ConfigureAwait(false);
        return [.. page.Entities.Select(e => new FeedbackFollower(StoreKey.Unescape(e.RowKey), e.GetString("UserId") ?? "", e.GetBoolean("Raiser") ?? false))];
    }

    /// <summary>How many people follow the item (its raiser, when named, included).</summary>
    public async Task<int> CountFollowersAsync(string itemId, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in _followers.QueryAllAsync(itemId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }
        return count;
    }

    /// <summary>The audit of one item, oldest first.</summary>
    public async Task<IReadOnlyList<FeedbackChange>> ChangesAsync(string itemId, CancellationToken cancellationToken)
    {
        var key = StoreKey.Escape(itemId);
        var changes = new List<FeedbackChange>();
        await foreach (var e in _items.QueryAllAsync(ItemPartition, key + AuditMark, key + (char)(AuditMark + 1), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var target = e.GetString("TargetDate");
            changes.Add(new FeedbackChange(
                itemId, int.Parse(e.RowKey[(key.Length + 1)..], CultureInfo.InvariantCulture), Enum.Parse<FeedbackState>(e.GetString("From")!), Enum.Parse<FeedbackState>(e.GetString("To")!),
                e.GetString("Actor"), e.GetDateTimeOffset("At") ?? default, target is null ? null : DateOnly.ParseExact(target, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.GetString("Reason"), e.GetString("MergedInto")));
        }
        return changes;
    }

    // Audit rows sit beside their item in the items' partition (so they are written in one batch with it), keyed item~version.
    private static StoreEntity AuditEntity(FeedbackChange change) => new(
        ItemPartition,
        StoreKey.Escape(change.ItemId) + AuditMark + change.Version.ToString("D5", CultureInfo.InvariantCulture),
        new Dictionary<string, object?>
        {
            ["From"] = change.From.ToString(),
            ["To"] = change.To.ToString(),
            ["Actor"] = change.ActorKey,
            ["At"] = change.At,
            ["TargetDate"] = change.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Reason"] = change.Reason,
            ["MergedInto"] = change.MergedInto,
        }.Where(p => p.Value is not null).ToDictionary());

    private static StoreEntity FollowerEntity(string itemId, FeedbackFollower follower) => new(itemId, StoreKey.Escape(follower.PersonKey), new Dictionary<string, object?>
    {
        ["UserId"] = follower.UserId,
        ["Raiser"] = follower.Raiser,
    });

    private static StoreEntity ToEntity(FeedbackItem item) => new(ItemPartition, StoreKey.Escape(item.Id), new Dictionary<string, object?>
    {
        ["State"] = item.State.ToString(),
        ["Json"] = JsonSerializer.Serialize(item, Json),
    }, item.ETag);

    private static FeedbackItem FromEntity(StoreEntity entity)
    {
        var json = entity.GetString("Json") ?? throw new InvalidDataException($"Feedback row {entity.RowKey} has no content.");
        var item = JsonSerializer.Deserialize<FeedbackItem>(json, Json) ?? throw new InvalidDataException($"Feedback row {entity.RowKey} is empty.");
        return item with { ETag = entity.ETag };
    }
}
