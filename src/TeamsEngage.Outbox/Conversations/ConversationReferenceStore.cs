using System.Collections.Concurrent;
using TeamsEngage.Storage;

namespace TeamsEngage.Conversations;

/// <summary>
/// The conversation references of people's 1:1 chats, one row per person (partition = user id).
/// A write happens only when something changed since the reference was last stored, so a burst of
/// votes does not become a burst of writes.
/// </summary>
public sealed class ConversationReferenceStore(ITableStore store)
{
    public const string TableName = "ConversationReferences";
    private const string RowKey = "personal";

    private readonly IStoreTable _table = store.Table(TableName);
    private readonly ConcurrentDictionary<string, ConversationReference> _lastSeen = new(StringComparer.Ordinal);

    /// <summary>The key under which a Teams channel's reference is kept, and which the outbox accepts as a recipient.</summary>
    public static string ChannelKey(string channelId) => "channel|" + channelId;

    /// <summary>Stores the reference if it differs from the one last stored. Returns true when it was written.</summary>
    public async Task<bool> RefreshAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (_lastSeen.TryGetValue(reference.UserId, out var known) && known == reference)
        {
            return false;
        }
        // After a restart the cache is empty: a read (cheap, no contention) usually shows nothing changed.
        if (known is null && await FindAsync(reference.UserId, cancellationToken).ConfigureAwait(false) == reference)
        {
            _lastSeen[reference.UserId] = reference;
            return false;
        }
        await _table.UpsertAsync(ToEntity(reference), cancellationToken).ConfigureAwait(false);
        _lastSeen[reference.UserId] = reference;
        return true;
    }

    /// <summary>The person's reference, or null when they have never talked to the bot.</summary>
    public async Task<ConversationReference?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var entity = await _table.GetAsync(StoreKey.Escape(userId), RowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>Forgets the person's reference (they uninstalled the bot, or were erased): nothing can be sent to them after.</summary>
    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        _lastSeen.TryRemove(userId, out _);
        try
        {
            await _table.DeleteAsync(StoreKey.Escape(userId), RowKey, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreNotFoundException)
        {
            return false;
        }
    }

    private static StoreEntity ToEntity(ConversationReference r) => new(StoreKey.Escape(r.UserId), RowKey, new Dictionary<string, object?>
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
