namespace TeamsEngage.Outbox;

/// <summary>
/// A renderer whose payload is a record of its own, read with <see cref="OutboxPayload.Options"/>. A payload that
/// cannot be read skips the recipient, as a renderer returning null does.
/// </summary>
/// <typeparam name="TPayload">The payload record the feature enqueued.</typeparam>
public abstract class OutboxRenderer<TPayload> : IOutboxRenderer
    where TPayload : class
{
    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OutboxPayload.Deserialize<TPayload>(context.Payload) is { } payload
            ? RenderAsync(payload, context, cancellationToken)
            : Task.FromResult<RenderedMessage?>(null);
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(DeliveredContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OutboxPayload.Deserialize<TPayload>(context.Payload) is { } payload
            ? OnDeliveredAsync(payload, context, cancellationToken)
            : Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnUndeliverableAsync(UndeliverableContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OutboxPayload.Deserialize<TPayload>(context.Payload) is { } payload
            ? OnUndeliverableAsync(payload, context, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>The message for this recipient, or null to skip them.</summary>
    protected abstract Task<RenderedMessage?> RenderAsync(TPayload payload, RenderContext context, CancellationToken cancellationToken);

    /// <summary>Called after the message was delivered, with the id of the sent activity.</summary>
    protected virtual Task OnDeliveredAsync(TPayload payload, DeliveredContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once the outbox has given up on the message for good.</summary>
    protected virtual Task OnUndeliverableAsync(TPayload payload, UndeliverableContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
