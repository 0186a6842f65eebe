using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// A queued broadcast whose rows are being written: what to send, to whom (the spec), where writing stands (the cursor
/// and counts), who writes it (a lease, changed only with the row's ETag) and the tenant it was queued in: the work
/// table is shared, and the writer enters that tenant before resolving the audience or writing a row.
/// </summary>
internal sealed record BroadcastJob(
    BroadcastRequest Request,
    BroadcastAudienceSpec Audience,
    string? Cursor,
    int Examined,
    int Written,
    int? Total,
    bool Finished,
    string LeaseOwner,
    DateTimeOffset LeaseUntil,
    string? TenantId,
    string? ETag = null)
{
    public BroadcastProgress Progress => new(Finished, Examined, Written, Total);

    public static BroadcastJob Queued(BroadcastRequest request, BroadcastAudienceSpec audience, string tenantId) =>
        new(request, audience, null, 0, 0, null, false, string.Empty, DateTimeOffset.UnixEpoch, tenantId);

    public static BroadcastJob From(StoreEntity e) => new(
        new BroadcastRequest(
            StoreKey.Unescape(e.RowKey),
            e.GetString(RowFields.Kind) ?? string.Empty,
            e.GetString(RowFields.Payload) ?? string.Empty,
            (OutboxPriority)(e.GetInt32(RowFields.Priority) ?? (int)OutboxPriority.Bulk)),
        new BroadcastAudienceSpec(e.GetString(RowFields.AudienceKind) ?? string.Empty, e.GetString(RowFields.AudienceSpec) ?? string.Empty),
        e.GetString(RowFields.Cursor),
        e.GetInt32(RowFields.Examined) ?? 0,
        e.GetInt32(RowFields.Written) ?? 0,
        e.GetInt32(RowFields.Total),
        e.GetBoolean(RowFields.Finished) ?? false,
        e.GetString(RowFields.LeaseOwner) ?? string.Empty,
        e.GetDateTimeOffset(RowFields.LeaseUntil) ?? DateTimeOffset.UnixEpoch,
        e.GetString(RowFields.TenantId),
        e.ETag);

    public StoreEntity ToEntity() => new(OutboxKeys.WritingPartition, StoreKey.Escape(Request.BroadcastId), new Dictionary<string, object?>
    {
        [RowFields.Kind] = Request.Kind,
        [RowFields.Payload] = Request.Payload,
        [RowFields.Priority] = (int)Request.Priority,
        [RowFields.AudienceKind] = Audience.Kind,
        [RowFields.AudienceSpec] = Audience.Spec,
        [RowFields.Cursor] = Cursor,
        [RowFields.Examined] = Examined,
        [RowFields.Written] = Written,
        [RowFields.Total] = Total,
        [RowFields.Finished] = Finished,
        [RowFields.LeaseOwner] = LeaseOwner,
        [RowFields.LeaseUntil] = LeaseUntil,
        [RowFields.TenantId] = TenantId,
    }, ETag);
}
