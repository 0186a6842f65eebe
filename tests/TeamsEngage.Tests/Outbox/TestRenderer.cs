using System.Collections.Concurrent;
using TeamsEngage.Outbox;

namespace TeamsEngage.Tests.Outbox;

/// <summary>Renders kind <c>test.note</c> as text naming the payload and the person; records every delivery it is told of.</summary>
internal sealed class TestRenderer : IOutboxRenderer
{
    public const string KindName = "test.note";

    public string Kind => KindName;

    public ConcurrentQueue<DeliveredContext> Delivered { get; } = new();

    public ConcurrentQueue<RenderContext> Rendered { get; } = new();

    public Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken)
    {
        Rendered.Enqueue(context);
        var text = (context.IsUpdate ? "updated: " : string.Empty) + context.Payload + " for " + (context.PersonKey ?? context.Recipient.Name);
        return Task.FromResult<RenderedMessage?>(new RenderedMessage(null, text));
    }

    public Task OnDeliveredAsync(DeliveredContext context, CancellationToken cancellationToken)
    {
        Delivered.Enqueue(context);
        return Task.CompletedTask;
    }
}

/// <summary>Kind <c>test.skip</c>: the feature decided at send time that nothing goes out.</summary>
internal sealed class SkippingRenderer : IOutboxRenderer
{
    public string Kind => "test.skip";

    public Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken) => Task.FromResult<RenderedMessage?>(null);
}
