using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

public sealed partial class OutboxSender
{
    /// <summary>
    /// Records the outcome with the ETag read before sending: a broadcast row keeps its delivery record, a single message's
    /// row is deleted (its feature learns the outcome through OnDeliveredAsync).
    /// </summary>
    private async Task FinishAsync(PendingRow pending, DeliveryStatus status, string? reason, string? conversationId, string? activityId, CancellationToken cancellationToken)
    {
        var row = pending.Row;
        if (status is not DeliveryStatus.Sent)
        {
            OutboxLog.Failed(_logger, pending.Item.PartitionKey, row.RowKey, status, reason);
        }
        // The message is out: recording it must not be cut short by shutdown, or it would be sent again.
        var token = status == DeliveryStatus.Sent ? CancellationToken.None : cancellationToken;
        try
        {
            if (pending.Item.IsQueue)
            {
                await _rows.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, token).ConfigureAwait(false);
                return;
            }
            var properties = new Dictionary<string, object?>(row.Properties)
            {
                [RowFields.Status] = status.ToString(),
                [RowFields.Reason] = reason,
                [RowFields.Attempts] = pending.Attempts + 1,
            };
            if (status == DeliveryStatus.Sent)
            {
                properties[RowFields.ConversationId] = conversationId;
                properties[RowFields.ActivityId] = activityId;
                properties[RowFields.SentAt] = _time.GetUtcNow();
            }
            try
            {
                pending.Row = await UpdateWithRetryAsync(row with { Properties = properties }, status == DeliveryStatus.Sent ? 3 : 1, token).ConfigureAwait(false);
            }
            catch (StorePreconditionFailedException) when (status == DeliveryStatus.Sent)
            {
                await RecordSentOverCancelAsync(row, properties, token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            OutboxLog.RowChanged(_logger, row.PartitionKey, row.RowKey);
        }
    }

    /// <summary>A sent message whose mark fails would be sent again, so a failing store gets a few more tries.</summary>
    private async Task<StoreEntity> UpdateWithRetryAsync(StoreEntity row, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _rows.UpdateAsync(row, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < attempts && ex is not (StorePreconditionFailedException or StoreNotFoundException or OperationCanceledException))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A cancel marked the row while its message was on the way: the record must say what happened, Sent.</summary>
    private async Task RecordSentOverCancelAsync(StoreEntity row, Dictionary<string, object?> properties, CancellationToken cancellationToken)
    {
        var current = await _rows.GetAsync(row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false);
        if (current is null || current.GetString(RowFields.Status) != nameof(DeliveryStatus.Cancelled))
        {
            OutboxLog.RowChanged(_logger, row.PartitionKey, row.RowKey);
            return;
        }
        await _rows.UpdateAsync(current with { Properties = properties }, cancellationToken).ConfigureAwait(false);
    }
}
