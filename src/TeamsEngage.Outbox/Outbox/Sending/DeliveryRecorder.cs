using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Records the outcome of a send with the ETag read before sending: a broadcast row keeps its delivery record, a single
/// message's row is deleted (its feature learns the outcome through OnDeliveredAsync).
/// </summary>
internal sealed class DeliveryRecorder(OutboxTables tables, OutboxMetrics metrics, TimeProvider time, ILogger<DeliveryRecorder> logger, UndeliverableCallbacks? undeliverable = null)
{
    /// <summary>Records an outcome other than Sent: cancelled, unreachable or failed; the renderer of an undeliverable message is told.</summary>
    public async Task FinishAsync(PendingRow pending, DeliveryStatus status, string? reason, CancellationToken cancellationToken)
    {
        OutboxLog.Failed(logger, pending.Item.PartitionKey, OutboxLog.Row(pending.Item.PartitionKey, pending.Row.RowKey), status, reason);
        if (status is DeliveryStatus.Failed or DeliveryStatus.Unreachable)
        {
            metrics.Failed(TenantOf(pending), status, reason);
        }
        await RecordAsync(pending, status, reason, null, cancellationToken).ConfigureAwait(false);
        if (status is DeliveryStatus.Failed or DeliveryStatus.Unreachable && undeliverable is not null && TenantOf(pending) is { } tenant)
        {
            await undeliverable.TellAsync(pending, tenant, status, reason ?? FailureReasons.Error, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a delivered message.</summary>
    public Task FinishSentAsync(PendingRow pending, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        var sent = new Dictionary<string, object?>
        {
            [RowFields.ConversationId] = conversationId,
            [RowFields.ActivityId] = activityId,
            [RowFields.SentAt] = time.GetUtcNow(),
        };
        metrics.Sent(TenantOf(pending));
        // The message is out: recording it must not be cut short by shutdown, or it would be sent again.
        return RecordAsync(pending, DeliveryStatus.Sent, null, sent, CancellationToken.None);
    }

    /// <summary>The row's tenant: known once it waited its turn, else from its broadcast's header or the row itself.</summary>
    private static string? TenantOf(PendingRow pending) =>
        pending.TenantId ?? TenantScope.Normalize(pending.Item.Header?.TenantId ?? pending.Row.GetString(RowFields.TenantId));

    private async Task RecordAsync(PendingRow pending, DeliveryStatus status, string? reason, Dictionary<string, object?>? sent, CancellationToken cancellationToken)
    {
        var row = pending.Row;
        try
        {
            if (pending.Item.IsQueue)
            {
                await tables.Rows.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            var properties = new Dictionary<string, object?>(row.Properties)
            {
                [RowFields.Status] = status.ToString(),
                [RowFields.Reason] = reason,
                [RowFields.Attempts] = pending.Attempts + 1,
            };
            foreach (var (name, value) in sent ?? [])
            {
                properties[name] = value;
            }
            try
            {
                pending.Row = await UpdateWithRetryAsync(row with { Properties = properties }, sent is null ? 1 : 3, cancellationToken).ConfigureAwait(false);
            }
            catch (StorePreconditionFailedException) when (sent is not null)
            {
                await RecordSentOverCancelAsync(row, properties, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            OutboxLog.RowChanged(logger, row.PartitionKey, OutboxLog.Row(row.PartitionKey, row.RowKey));
        }
    }

    /// <summary>A sent message whose mark fails would be sent again, so a failing store gets a few more tries.</summary>
    private async Task<StoreEntity> UpdateWithRetryAsync(StoreEntity row, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await tables.Rows.UpdateAsync(row, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < attempts && ex is not (StorePreconditionFailedException or StoreNotFoundException or OperationCanceledException))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A cancel marked the row while its message was on the way: the record must say what happened, Sent.</summary>
    private async Task RecordSentOverCancelAsync(StoreEntity row, Dictionary<string, object?> properties, CancellationToken cancellationToken)
    {
        var current = await tables.Rows.GetAsync(row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false);
        if (current is null || current.GetString(RowFields.Status) != nameof(DeliveryStatus.Cancelled))
        {
            OutboxLog.RowChanged(logger, row.PartitionKey, OutboxLog.Row(row.PartitionKey, row.RowKey));
            return;
        }
        await tables.Rows.UpdateAsync(current with { Properties = properties }, cancellationToken).ConfigureAwait(false);
    }
}
