using System.Globalization;
using System.Runtime.CompilerServices;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

public sealed partial class TableOutbox
{
    public async Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(broadcastId);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var original = await ReadHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (original is null)
        {
            return 0;
        }
        // Each update round is a broadcast of its own (same shard layout), so the original's delivery records stay as they are.
        var updateId = broadcastId + "~u" + time.GetUtcNow().UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var header = await CreateHeaderAsync(new BroadcastHeader(
            updateId, kind, payload, OutboxPriority.Normal, original.Shards, false, false, time.GetUtcNow(), true, broadcastId), cancellationToken).ConfigureAwait(false);
        var writer = new ShardWriter(this, header);
        await foreach (var row in ReadRowsAsync(original, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(RowFields.Status) != nameof(DeliveryStatus.Sent) || row.GetString(RowFields.ActivityId) is null)
            {
                continue;
            }
            var properties = new Dictionary<string, object?>
            {
                [RowFields.PersonKey] = row.GetString(RowFields.PersonKey),
                [RowFields.UserId] = row.GetString(RowFields.UserId),
                [RowFields.DepartmentCode] = row.GetString(RowFields.DepartmentCode),
                [RowFields.Role] = row.GetString(RowFields.Role),
                [RowFields.ConversationId] = row.GetString(RowFields.ConversationId),
                [RowFields.ActivityId] = row.GetString(RowFields.ActivityId),
                [RowFields.Status] = nameof(DeliveryStatus.Pending),
            };
            await writer.AddAsync(row.RowKey, row.GetString(RowFields.PersonKey) ?? row.RowKey, properties, cancellationToken).ConfigureAwait(false);
        }
        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
        await MarkWritesDoneAsync(updateId, cancellationToken).ConfigureAwait(false);
        return writer.Pending;
    }

    public async Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(broadcastId);
        var header = await SetCancelledAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return 0;
        }
        // The dispatcher re-reads the header before each send, so nothing new starts; the rows record the outcome.
        var cancelled = 0;
        await foreach (var row in ReadRowsAsync(header, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(RowFields.Status) != nameof(DeliveryStatus.Pending))
            {
                continue;
            }
            var properties = new Dictionary<string, object?>(row.Properties) { [RowFields.Status] = nameof(DeliveryStatus.Cancelled) };
            try
            {
                await _rows.UpdateAsync(row with { Properties = properties }, cancellationToken).ConfigureAwait(false);
                cancelled++;
            }
            catch (StorePreconditionFailedException)
            {
                // Sent (or failed) while we were cancelling: that outcome stands.
            }
        }
        return cancelled;
    }

    private async Task<BroadcastHeader?> SetCancelledAsync(string broadcastId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = await _broadcasts.GetAsync(StoreKey.Escape(broadcastId), OutboxKeys.HeaderRow, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }
            var header = BroadcastHeader.From(entity);
            if (header.Cancelled)
            {
                return header;
            }
            try
            {
                await _broadcasts.UpdateAsync((header with { Cancelled = true }).ToEntity(entity.ETag), cancellationToken).ConfigureAwait(false);
                return header with { Cancelled = true };
            }
            catch (StorePreconditionFailedException)
            {
            }
        }
    }

    public async IAsyncEnumerable<DeliveryRecord> ReadDeliveriesAsync(string broadcastId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(broadcastId);
        var header = await ReadHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            yield break;
        }
        await foreach (var row in ReadRowsAsync(header, cancellationToken).ConfigureAwait(false))
        {
            yield return new DeliveryRecord(
                row.GetString(RowFields.PersonKey) ?? StoreKey.Unescape(row.RowKey),
                row.GetString(RowFields.UserId),
                row.GetString(RowFields.DepartmentCode),
                row.GetString(RowFields.Role),
                Enum.TryParse<DeliveryStatus>(row.GetString(RowFields.Status), out var status) ? status : DeliveryStatus.Pending,
                row.GetString(RowFields.Reason),
                row.GetString(RowFields.ConversationId),
                row.GetString(RowFields.ActivityId),
                row.GetDateTimeOffset(RowFields.SentAt));
        }
    }
}
