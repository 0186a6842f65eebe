namespace TeamsEngage.Outbox;

/// <summary>Typed forms of the <see cref="IOutbox"/> calls that take a payload.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// <see cref="IOutbox.UpdateDeliveredAsync"/> with the payload written with <see cref="OutboxPayload.Options"/>.
    /// </summary>
    public static Task<int> UpdateDeliveredAsync<TPayload>(this IOutbox outbox, string broadcastId, string kind, TPayload payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return outbox.UpdateDeliveredAsync(broadcastId, kind, OutboxPayload.Serialize(payload), cancellationToken);
    }
}
