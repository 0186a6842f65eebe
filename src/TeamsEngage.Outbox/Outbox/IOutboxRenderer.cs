using TeamsEngage.Cards;
using TeamsEngage.Conversations;

namespace TeamsEngage.Outbox;

/// <summary>
/// Turns an outbox payload of one kind into the message a person receives, at send time, in their language and
/// time zone. Features register one renderer per kind.
/// </summary>
public interface IOutboxRenderer
{
    /// <summary>The kind this renderer handles.</summary>
    string Kind { get; }

    /// <summary>The message for this recipient, or null to skip it (for example a notice cancelled before its turn came).</summary>
    Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken);

    /// <summary>Called after the message was delivered, with the id of the sent activity (to update it later).</summary>
    Task OnDeliveredAsync(DeliveredContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called, in the message's tenant, once the outbox has given up on a message for good: its recipient has not installed
    /// the app, blocked or removed it, left the tenant, or sends kept failing until the retries ran out.
    /// </summary>
    Task OnUndeliverableAsync(UndeliverableContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What a renderer knows about the message and its recipient.</summary>
/// <param name="BroadcastId">The broadcast, or null for a single message.</param>
/// <param name="Kind">The message kind.</param>
/// <param name="Payload">The feature's JSON payload.</param>
/// <param name="Recipient">The recipient's conversation reference (locale and time zone included).</param>
/// <param name="PersonKey">The recipient's directory key, when known.</param>
/// <param name="IsUpdate">True when this replaces a message sent earlier.</param>
public sealed record RenderContext(string? BroadcastId, string Kind, string Payload, ConversationReference Recipient, string? PersonKey, bool IsUpdate);

/// <summary>A message to send: a card (with an optional notification summary) or markdown text.</summary>
public sealed record RenderedMessage(AdaptiveCard? Card, string? Text, string? Summary = null);

/// <summary>A delivered message.</summary>
public sealed record DeliveredContext(string OutboxId, string? BroadcastId, string Kind, string Payload, string RecipientUserId, string ConversationId, string ActivityId)
{
    /// <summary>
    /// When the message was rendered. A feature that changed what it shows after this time, and updated the messages it
    /// knew of then, did not know of this one yet: it can update it now.
    /// </summary>
    public DateTimeOffset RenderedAt { get; init; }
}

/// <summary>A message the outbox gave up on.</summary>
/// <param name="BroadcastId">The broadcast (the parent broadcast for an update), or null for a single message.</param>
/// <param name="IsUpdate">True when it was to replace a message sent earlier.</param>
/// <param name="Status"><see cref="DeliveryStatus.Unreachable"/> or <see cref="DeliveryStatus.Failed"/>.</param>
/// <param name="Reason"><c>NotInstalled</c>, <c>Blocked</c>, <c>Gone</c>, <c>WrongTenant</c> or <c>Error</c> (retries ran out, or another error).</param>
public sealed record UndeliverableContext(string? BroadcastId, string Kind, string Payload, bool IsUpdate, string? PersonKey, string? UserId, string? DepartmentCode, DeliveryStatus Status, string Reason);
