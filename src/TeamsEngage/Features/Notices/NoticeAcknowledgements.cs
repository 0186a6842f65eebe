using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>One person's acknowledgement of a notice.</summary>
public sealed record Acknowledgement(string UserId, string? PersonKey, DateTimeOffset At);

/// <summary>Where a notice card was delivered to one person (written when the outbox reports the delivery).</summary>
public sealed record NoticeRecipient(string UserId, string ConversationId, string ActivityId);

/// <summary>
/// Acknowledgements (partition = notice, row = Teams user id; the insert is the lock, so a second press changes nothing)
/// and the recipients each notice card reached (partition = notice, row = Teams user id), which is how an acknowledgement
/// is checked to come from someone the notice was sent to.
/// </summary>
public sealed class NoticeAcknowledgements(ITableStore store, TimeProvider clock)
{
    public const string AcksTable = "NoticeAcks";
    public const string RecipientsTable = "NoticeRecipients";

    private readonly IStoreTable _acks = store.Table(AcksTable);
    private readonly IStoreTable _recipients = store.Table(RecipientsTable);

    /// <summary>Records the acknowledgement; returns the first one when the person had already acknowledged.</summary>
    public async Task<Acknowledgement> AcknowledgeAsync(string noticeId, string userId, string? personKey, CancellationToken cancellationToken)
    {
        var ack = new Acknowledgement(userId, personKey, clock.GetUtcNow());
        try
        {
            await _acks.InsertAsync(new StoreEntity(StoreKey.Escape(noticeId), StoreKey.Escape(userId), new Dictionary<string, object?>
            {
                ["PersonKey"] = personKey,
                ["At"] = ack.At,
            }.Where(p => p.Value is not null).ToDictionary()), cancellationToken).ConfigureAwait(false);
            return ack;
        }
        catch (StoreConflictException)
        {
            return await FindAsync(noticeId, userId, cancellationToken).ConfigureAwait(false) ?? ack;
        }
    }

    public async Task<Acknowledgement?> FindAsync(string noticeId, string userId, CancellationToken cancellationToken)
    {
        var entity = await _acks.GetAsync(StoreKey.Escape(noticeId), StoreKey.Escape(userId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToAck(entity);
    }

    /// <summary>The Teams user ids that acknowledged a notice.</summary>
    public async Task<HashSet<string>> ListUserIdsAsync(string noticeId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in _acks.QueryAllAsync(StoreKey.Escape(noticeId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(StoreKey.Unescape(entity.RowKey));
        }
        return ids;
    }

    public Task RecordDeliveryAsync(string noticeId, NoticeRecipient recipient, CancellationToken cancellationToken) =>
        _recipients.UpsertAsync(new StoreEntity(StoreKey.Escape(noticeId), StoreKey.Escape(recipient.UserId), new Dictionary<string, object?>
        {
            ["ConversationId"] = recipient.ConversationId,
            ["ActivityId"] = recipient.ActivityId,
        }), cancellationToken);

    public async Task<bool> WasDeliveredToAsync(string noticeId, string userId, CancellationToken cancellationToken) =>
        await _recipients.GetAsync(StoreKey.Escape(noticeId), StoreKey.Escape(userId), cancellationToken).ConfigureAwait(false) is not null;

    private static Acknowledgement ToAck(StoreEntity e) =>
        new(StoreKey.Unescape(e.RowKey), e.GetString("PersonKey"), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
}
