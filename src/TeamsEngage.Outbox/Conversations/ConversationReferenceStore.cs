using System.Collections.Concurrent;
using TeamsEngage.Storage;

namespace TeamsEngage.Conversations;

/// <summary>
/// The conversation references of people's 1:1 chats, one row per person (partition and row = user id).
/// A write happens only when something changed since the reference was last stored, so a burst of
/// votes does not become a burst of writes.
/// </summary>
/// <remarks>
/// Rows were once keyed (user id, "personal"). Both keys make a point read on Azure Tables, but a store that finds a
/// row through its row key first (Azurite) reads every reference for the shared one. A table that held none of those
/// rows when first used is marked so and reads only the current key; in an older table a person without a current row
/// is also looked up under the old key, and the old row is replaced by a current one when they are next seen.
/// </remarks>
public sealed class ConversationReferenceStore(ITableStore store)
{
    public const string TableName = "ConversationReferences";

    /// <summary>The row key every reference had before the current layout.</summary>
    public const string OldRowKey = "personal";

    /// <summary>The key of the row that marks a table as never having held a row under <see cref="OldRowKey"/>.</summary>
    public const string CurrentLayoutMarker = "~layout-by-user-id";

    private readonly IStoreTable _table = store.Table(TableName);
    private readonly ConcurrentDictionary<string, ConversationReference> _lastSeen = new(StringComparer.Ordinal);
    private Task<bool>? _oldRowsPossible;

    /// <summary>The key under which a Teams channel's reference is kept, and which the outbox accepts as a recipient.</summary>
    public static string ChannelKey(string channelId) => "channel|" + channelId;

    /// <summary>True when this instance stored or read exactly this reference last.</summary>
    public bool IsKnown(ConversationReference reference) =>
        _lastSeen.TryGetValue(reference.UserId, out var known) && known == reference;

    /// <summary>Stores the reference if it differs from the one last stored. Returns true when it was written.</summary>
    public async Task<bool> RefreshAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (_lastSeen.TryGetValue(reference.UserId, out var known) && known == reference)
        {
            return false;
        }
        // After a restart the cache is empty: a read (cheap, no contention) usually shows nothing changed.
        var stored = known is null ? await FindRowAsync(reference.UserId, cancellationToken).ConfigureAwait(false) : null;
        if (stored is not null && stored.RowKey != OldRowKey && FromEntity(stored) == reference)
        {
            _lastSeen[reference.UserId] = reference;
            return false;
        }
        await _table.UpsertAsync(ToEntity(reference), cancellationToken).ConfigureAwait(false);
        if (await OldRowsPossibleAsync(cancellationToken).ConfigureAwait(false))
        {
            await DeleteRowAsync(reference.UserId, OldRowKey, null, cancellationToken).ConfigureAwait(false);
        }
        _lastSeen[reference.UserId] = reference;
        return true;
    }

    /// <summary>The person's reference, or null when they have never talked to the bot.</summary>
    public async Task<ConversationReference?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var entity = await FindRowAsync(userId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>
    /// The person's reference if it belongs to the tenant in scope, else null: the table is shared, so what a tenant's
    /// export or erasure reads of it is checked here.
    /// </summary>
    public async Task<ConversationReference?> FindOwnAsync(string userId, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("conversation references");
        var reference = await FindAsync(userId, cancellationToken).ConfigureAwait(false);
        return reference is not null && TenantScope.Normalize(reference.TenantId) == tenant ? reference : null;
    }

    /// <summary>
    /// Forgets the person's reference (they uninstalled the bot, or were erased): nothing can be sent to them after. Only
    /// a reference of the tenant in scope is deleted; another tenant's stays as it is.
    /// </summary>
    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("conversation references");
        var deleted = false;
        string[] rows = await OldRowsPossibleAsync(cancellationToken).ConfigureAwait(false) ? [StoreKey.Escape(userId), OldRowKey] : [StoreKey.Escape(userId)];
        foreach (var row in rows)
        {
            var entity = await _table.GetAsync(StoreKey.Escape(userId), row, cancellationToken).ConfigureAwait(false);
            if (entity is not null && TenantScope.Normalize(Get(entity, "TenantId")) == tenant)
            {
                _lastSeen.TryRemove(userId, out _);
                // With the ETag read above: a reference rewritten meanwhile (by a re-install) is not deleted.
                deleted |= await DeleteRowAsync(userId, row, entity.ETag, cancellationToken).ConfigureAwait(false);
            }
        }
        return deleted;
    }

    /// <summary>The person's row under the current key, else (in a table that may hold them) under the old one.</summary>
    private async Task<StoreEntity?> FindRowAsync(string userId, CancellationToken cancellationToken)
    {
        var key = StoreKey.Escape(userId);
        return await _table.GetAsync(key, key, cancellationToken).ConfigureAwait(false)
            ?? (await OldRowsPossibleAsync(cancellationToken).ConfigureAwait(false) ? await _table.GetAsync(key, OldRowKey, cancellationToken).ConfigureAwait(false) : null);
    }

    private async Task<bool> DeleteRowAsync(string userId, string row, string? eTag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteAsync(StoreKey.Escape(userId), row, eTag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is StoreNotFoundException or StorePreconditionFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the table may hold rows under the old key: once per instance, it is not when the marker is there, or
    /// when the table is empty (and the marker is then written). A failed check is tried again by the next call; the
    /// check is shared by every caller that arrives while it runs, so it does not end when one of them gives up.
    /// </summary>
    private Task<bool> OldRowsPossibleAsync(CancellationToken cancellationToken)
    {
        var check = Volatile.Read(ref _oldRowsPossible);
        if (check is null || check.IsFaulted)
        {
            var fresh = CheckLayoutAsync();
            check = Interlocked.CompareExchange(ref _oldRowsPossible, fresh, check) == check ? fresh : Volatile.Read(ref _oldRowsPossible)!;
        }
        return check.WaitAsync(cancellationToken);
    }

    private async Task<bool> CheckLayoutAsync()
    {
        if (await _table.GetAsync(CurrentLayoutMarker, CurrentLayoutMarker, CancellationToken.None).ConfigureAwait(false) is not null)
        {
            return false;
        }
        var first = await _table.ScanAsync(pageSize: 1, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        if (first.Entities.Count > 0 || first.ContinuationToken is not null)
        {
            return true;
        }
        try
        {
            await _table.InsertAsync(new StoreEntity(CurrentLayoutMarker, CurrentLayoutMarker, new Dictionary<string, object?>()), CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            // Another instance marked it first.
        }
        return false;
    }

    private static StoreEntity ToEntity(ConversationReference r) => new(StoreKey.Escape(r.UserId), StoreKey.Escape(r.UserId), new Dictionary<string, object?>
    {
        ["AadObjectId"] = r.AadObjectId,
        ["Name"] = r.Name,
        ["ServiceUrl"] = r.ServiceUrl,
        ["ConversationId"] = r.ConversationId,
        ["TenantId"] = r.TenantId,
        ["BotId"] = r.BotId,
        ["Locale"] = r.Locale,
        ["TimeZone"] = r.TimeZone,
    }.Where(p => p.Value is not null).ToDictionary());

    private static ConversationReference FromEntity(StoreEntity e) => new(
        StoreKey.Unescape(e.PartitionKey),
        Get(e, "AadObjectId"),
        Get(e, "Name"),
        Get(e, "ServiceUrl") ?? string.Empty,
        Get(e, "ConversationId") ?? string.Empty,
        Get(e, "TenantId"),
        Get(e, "BotId"),
        Get(e, "Locale"),
        Get(e, "TimeZone"));

    private static string? Get(StoreEntity e, string name) => e.Properties.TryGetValue(name, out var v) ? v as string : null;
}
