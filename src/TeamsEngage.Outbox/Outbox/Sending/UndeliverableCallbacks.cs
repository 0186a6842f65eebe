using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Tells the renderer of a message's kind that the outbox gave up on it, in the message's tenant, with the recipient's
/// key and department as the row holds them. A renderer that throws is logged; the outcome stays recorded.
/// </summary>
internal sealed partial class UndeliverableCallbacks(IServiceProvider services, BroadcastHeaderCache headers, ILogger<UndeliverableCallbacks> logger)
{
    // Read at first use: renderers are features' services, which may themselves reach the outbox.
    private Dictionary<string, IOutboxRenderer>? _renderers;

    public async Task TellAsync(PendingRow pending, string tenant, DeliveryStatus status, string reason, CancellationToken cancellationToken)
    {
        var row = pending.Row;
        try
        {
            var header = pending.Item.IsQueue ? null : await headers.GetAsync(pending.Item, cancellationToken).ConfigureAwait(false);
            var kind = header?.Kind ?? row.GetString(RowFields.Kind) ?? string.Empty;
            _renderers ??= services.GetServices<IOutboxRenderer>().GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            if (!_renderers.TryGetValue(kind, out var renderer))
            {
                return;
            }
            var context = new UndeliverableContext(
                header?.ParentBroadcastId ?? header?.BroadcastId,
                kind,
                header?.Payload ?? row.GetString(RowFields.Payload) ?? string.Empty,
                header?.IsUpdate ?? row.GetBoolean(RowFields.IsUpdate) ?? false,
                row.GetString(RowFields.PersonKey),
                row.GetString(RowFields.UserId),
                row.GetString(RowFields.DepartmentCode),
                status,
                reason);
            using var scope = TenantScope.Enter(tenant);
            await renderer.OnUndeliverableAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCallbackFailed(logger, ex, row.PartitionKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A renderer failed when told a message of {Partition} could not be delivered")]
    private static partial void LogCallbackFailed(ILogger logger, Exception exception, string partition);
}
