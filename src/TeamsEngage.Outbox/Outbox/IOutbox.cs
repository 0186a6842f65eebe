namespace TeamsEngage.Outbox;

/// <summary>
/// The durable outbox: every proactive message of the product is written here first and sent by the background
/// dispatcher at the rate Teams allows, retried on transient failures, recorded on permanent ones, resumed after a crash,
/// and never sent twice by two instances.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues one message to one person's 1:1 chat (a relayed reply, a ticket card, an escalation). Returns its id.</summary>
    Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Queues the replacement of a message the bot sent earlier (a card update in place). Returns its id.</summary>
    Task<string> EnqueueUpdateAsync(OutboxUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one durable row per recipient (in batches), then returns. People without a conversation with the bot are
    /// recorded as <see cref="DeliveryStatus.Unreachable"/>. Calling it again with the same broadcast id adds no duplicates.
    /// </summary>
    Task<BroadcastReceipt> StartBroadcastAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, durably and at once, a broadcast to the people <paramref name="audience"/> describes, and returns: the
    /// outbox's background writer resolves the audience through the <see cref="IBroadcastAudience"/> of its kind and
    /// writes the rows in batches, resuming after a crash or restart. Queuing the same broadcast id again does nothing.
    /// </summary>
    Task QueueBroadcastAsync(BroadcastRequest request, BroadcastAudienceSpec audience, CancellationToken cancellationToken = default);

    /// <summary>How far the writing of a broadcast is; null when the broadcast is unknown.</summary>
    Task<BroadcastProgress?> ReadProgressAsync(string broadcastId, CancellationToken cancellationToken = default);

    /// <summary>Queues an update in place of every message of the broadcast delivered so far (reschedule, edit, cancel).</summary>
    Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken = default);

    /// <summary>Stops the deliveries of a broadcast that have not been sent yet; they become <see cref="DeliveryStatus.Cancelled"/>.</summary>
    Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken = default);

    /// <summary>The delivery record of every recipient of a broadcast.</summary>
    IAsyncEnumerable<DeliveryRecord> ReadDeliveriesAsync(string broadcastId, CancellationToken cancellationToken = default);
}

/// <summary>How urgently a message goes out. Interactive messages never wait behind a bulk broadcast.</summary>
public enum OutboxPriority
{
    /// <summary>A person is waiting: relayed replies, ticket cards, claims.</summary>
    Interactive = 0,
    /// <summary>Escalations, reminders, card updates.</summary>
    Normal = 1,
    /// <summary>Broadcasts: notices and polls.</summary>
    Bulk = 2,
}

/// <summary>One message to one person, rendered at send time by the <see cref="IOutboxRenderer"/> of its kind.</summary>
/// <param name="RecipientUserId">The person's Teams user id (<c>29:…</c>).</param>
/// <param name="Kind">The renderer that turns the payload into a message (e.g. <c>ticket.liaison</c>).</param>
/// <param name="Payload">Small JSON the renderer needs (ids, not whole documents).</param>
/// <param name="Priority">How urgent.</param>
/// <param name="NotBefore">When the message may go at the earliest (quiet hours); null for at once.</param>
public sealed record OutboxMessage(string RecipientUserId, string Kind, string Payload, OutboxPriority Priority, DateTimeOffset? NotBefore = null)
{
    /// <summary>A message whose payload is <paramref name="payload"/> written with <see cref="OutboxPayload.Options"/>.</summary>
    public static OutboxMessage Create<TPayload>(string recipientUserId, string kind, TPayload payload, OutboxPriority priority, DateTimeOffset? notBefore = null) =>
        new(recipientUserId, kind, OutboxPayload.Serialize(payload), priority, notBefore);
}

/// <summary>The replacement of a message the bot sent (PUT of the activity), rendered at send time.</summary>
public sealed record OutboxUpdate(string RecipientUserId, string ConversationId, string ActivityId, string Kind, string Payload, OutboxPriority Priority)
{
    /// <summary>The broadcast whose message this replaces, when it was one: the renderer is told it as for an update round.</summary>
    public string? BroadcastId { get; init; }

    /// <summary>An update whose payload is <paramref name="payload"/> written with <see cref="OutboxPayload.Options"/>.</summary>
    public static OutboxUpdate Create<TPayload>(string recipientUserId, string conversationId, string activityId, string kind, TPayload payload, OutboxPriority priority) =>
        new(recipientUserId, conversationId, activityId, kind, OutboxPayload.Serialize(payload), priority);
}

/// <summary>A broadcast: one kind and payload rendered for each recipient.</summary>
/// <param name="BroadcastId">Unique id chosen by the feature (e.g. the notice id; a reminder uses another id).</param>
public sealed record BroadcastRequest(string BroadcastId, string Kind, string Payload, OutboxPriority Priority = OutboxPriority.Bulk)
{
    /// <summary>A broadcast whose payload is <paramref name="payload"/> written with <see cref="OutboxPayload.Options"/>.</summary>
    public static BroadcastRequest Create<TPayload>(string broadcastId, string kind, TPayload payload, OutboxPriority priority = OutboxPriority.Bulk) =>
        new(broadcastId, kind, OutboxPayload.Serialize(payload), priority);
}

/// <summary>
/// One recipient of a broadcast, with what reports group by. <paramref name="NotBefore"/>: when their message may go
/// at the earliest (their quiet hours); the rest of the broadcast does not wait for them.
/// </summary>
public sealed record BroadcastRecipient(string PersonKey, string? UserId, string? DepartmentCode, string? Role, DateTimeOffset? NotBefore = null);

/// <summary>What a broadcast start wrote.</summary>
public sealed record BroadcastReceipt(string BroadcastId, int Queued, int Unreachable);

/// <summary>Where one recipient's delivery stands.</summary>
public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
    Unreachable,
    Cancelled,
}

/// <summary>One recipient's delivery. <paramref name="FailureReason"/>: <c>NotInstalled</c>, <c>Blocked</c>, <c>Gone</c> or <c>Error</c>.</summary>
public sealed record DeliveryRecord(
    string PersonKey,
    string? UserId,
    string? DepartmentCode,
    string? Role,
    DeliveryStatus Status,
    string? FailureReason,
    string? ConversationId,
    string? ActivityId,
    DateTimeOffset? SentAt,
    DateTimeOffset? NotBefore = null);
