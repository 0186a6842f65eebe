using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>A broadcast's header row.</summary>
internal sealed record BroadcastHeader(
    string BroadcastId, string Kind, string Payload, OutboxPriority Priority, int Shards, bool Cancelled, bool WritesDone,
    DateTimeOffset CreatedAt, bool IsUpdate, string? ParentBroadcastId, string? TenantId)
{
    /// <summary>
    /// The newest update round of this broadcast (its id sorts by when it began), so a message sent with older content
    /// and recorded after that round read the rows is still replaced.
    /// </summary>
    public string? LatestUpdateId { get; init; }

    public static BroadcastHeader From(StoreEntity e) => new(
        StoreKey.Unescape(e.PartitionKey),
        e.GetString(RowFields.Kind) ?? string.Empty,
        e.GetString(RowFields.Payload) ?? string.Empty,
        (OutboxPriority)(e.GetInt32(RowFields.Priority) ?? (int)OutboxPriority.Bulk),
        e.GetInt32(RowFields.Shards) ?? 1,
        e.GetBoolean(RowFields.Cancelled) ?? false,
        e.GetBoolean(RowFields.WritesDone) ?? false,
        e.GetDateTimeOffset(RowFields.CreatedAt) ?? DateTimeOffset.MinValue,
        e.GetBoolean(RowFields.IsUpdate) ?? false,
        e.GetString(RowFields.ParentBroadcastId),
        e.GetString(RowFields.TenantId))
    {
        LatestUpdateId = e.GetString(RowFields.LatestUpdateId),
    };

    public StoreEntity ToEntity(string? eTag = null) => new(StoreKey.Escape(BroadcastId), OutboxKeys.HeaderRow, new Dictionary<string, object?>
    {
        [RowFields.Kind] = Kind,
        [RowFields.Payload] = Payload,
        [RowFields.Priority] = (int)Priority,
        [RowFields.Shards] = Shards,
        [RowFields.Cancelled] = Cancelled,
        [RowFields.WritesDone] = WritesDone,
        [RowFields.CreatedAt] = CreatedAt,
        [RowFields.IsUpdate] = IsUpdate,
        [RowFields.ParentBroadcastId] = ParentBroadcastId,
        [RowFields.TenantId] = TenantId,
        [RowFields.LatestUpdateId] = LatestUpdateId,
    }, eTag);
}
