using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>One person's acknowledgement of a notice, in the acknowledgement round it answered.</summary>
public sealed record Acknowledgement(string UserId, string? PersonKey, DateTimeOffset At, int Round = 0);

/// <summary>Where a notice card was delivered to one person (written when the outbox reports the delivery).</summary>
public sealed record NoticeRecipient(string UserId, string ConversationId, string ActivityId);

/// <summary>
/// Acknowledgements (partition = notice, row = Teams user id) and the recipients each notice card reached (partition =
/// notice, row = Teams user id), which is how an acknowledgement is checked to come from someone the notice was sent to.
/// A material change starts a new acknowledgement round (<see cref="Notice.AckRound"/>): an acknowledgement of an
/// earlier round stays in the row's history (<c>Earlier</c>) but no longer counts. Every write is conditional (insert,
/// or replace on the ETag read), so a second press in the same round changes nothing.
/// </summary>
public sealed class NoticeAcknowledgements(ITableStore store, TimeProvider clock)
{
    public const string AcksTable = "NoticeAcks";
    public const string RecipientsTable = "NoticeRecipients";

    private readonly IStoreTable _acks = store.Table(AcksTable);
    private readonly IStoreTable _recipients = store.Table(RecipientsTable);

    /// <summary>Records the acknowledgement of <paramref name="round"/>; returns the first one when the person had already acknowledged that round.</summary>
    public async Task<Acknowledgement> AcknowledgeAsync(string noticeId, int round, string userId, string? personKey, CancellationToken cancellationToken)
    {
        // A first acknowledgement, the usual case, is one insert; the row is read only when one is already there.
        StoreEntity? existing = null;
        while (true)
        {
            if (existing is not null && ToAck(existing).Round >= round)
            {
                return ToAck(existing);
            }
            var ack = new Acknowledgement(userId, personKey, clock.GetUtcNow(), round);
            try
            {
                await WriteAsync(noticeId, ack, existing, cancellationToken).ConfigureAwait(false);
                return ack;
            }
            catch (Exception e) when (e is StoreConflictException or StorePreconditionFailedException or StoreNotFoundException)
            {
                // Acknowledged before, or another press wrote first: read the row and decide again.
                existing = await _acks.GetAsync(StoreKey.Escape(noticeId), StoreKey.Escape(userId), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The first acknowledgement inserts the row; a later round replaces it, keeping the earlier one in its history.
    private Task<StoreEntity> WriteAsync(string noticeId, Acknowledgement ack, StoreEntity? existing, CancellationToken cancellationToken)
    {
        var earlier = existing is null ? null : Join(existing.GetString("Earlier"), HistoryOf(ToAck(existing)));
        var entity = new StoreEntity(StoreKey.Escape(noticeId), StoreKey.Escape(ack.UserId), new Dictionary<string, object?>
        {
            ["PersonKey"] = ack.PersonKey ?? existing?.GetString("PersonKey"),
            ["At"] = ack.At,
            ["Round"] = ack.Round,
            ["Earlier"] = earlier,
        }.Where(p => p.Value is not null).ToDictionary(), existing?.ETag);
        return existing is null ? _acks.InsertAsync(entity, cancellationToken) : _acks.UpdateAsync(entity, cancellationToken);
    }

    /// <summary>The person's latest acknowledgement (of whichever round), or null when they never acknowledged.</summary>
    public async Task<Acknowledgement?> FindAsync(string noticeId, string userId, CancellationToken cancellationToken)
    {
        var entity = await _acks.GetAsync(StoreKey.Escape(noticeId), StoreKey.Escape(userId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToAck(entity);
    }

    /// <summary>The Teams user ids that acknowledged <paramref name="round"/> of a notice.</summary>
    public async Task<HashSet<string>> ListUserIdsAsync(string noticeId, int round, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in _acks.QueryAllAsync(StoreKey.Escape(noticeId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ToAck(entity).Round >= round)
            {
                ids.Add(StoreKey.Unescape(entity.RowKey));
            }
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
        new(StoreKey.Unescape(e.RowKey), e.GetString("PersonKey"), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, e.GetInt32("Round") ?? 0);

    // "round 0 at 2026-12-01T18:00:00.0000000+00:00", entries separated by "; ".
    private static string HistoryOf(Acknowledgement ack) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"round {ack.Round} at {ack.At:O}");

    private static string Join(string? earlier, string entry) => string.IsNullOrEmpty(earlier) ? entry : earlier + "; " + entry;
}
