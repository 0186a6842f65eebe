using TeamsEngage.Outbox;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>A feature's renderer for the rules: renders as told (by default the payload as text) and notes each delivery.</summary>
internal sealed class RulesRenderer(string kind, Func<RenderContext, RenderedMessage?>? render = null) : IOutboxRenderer
{
    public string Kind => kind;

    public bool FailOnDelivered { get; init; }

    public List<RenderContext> Rendered { get; } = [];

    public List<DeliveredContext> Delivered { get; } = [];

    public Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken)
    {
        Rendered.Add(context);
        return Task.FromResult(render is null ? new RenderedMessage(null, context.Payload) : render(context));
    }

    public Task OnDeliveredAsync(DeliveredContext context, CancellationToken cancellationToken)
    {
        if (FailOnDelivered)
        {
            throw new InvalidOperationException("the feature could not note the delivery");
        }
        Delivered.Add(context);
        return Task.CompletedTask;
    }
}
