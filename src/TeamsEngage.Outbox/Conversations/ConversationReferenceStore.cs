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
        var entity = await _table.GetAsync(StoreKey.Escape(userId), RowKey, cancellationToken).ConfigureAwait(false);
        if (entity is null || TenantScope.Normalize(Get(entity, "TenantId")) != tenant)
        {
            return false;
        }
        _lastSeen.TryRemove(userId, out _);
        try
        {
            // With the ETag read above: a reference rewritten meanwhile (by a re-install) is not deleted.
            await _table.DeleteAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is StoreNotFoundException or StorePreconditionFailedException)
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
