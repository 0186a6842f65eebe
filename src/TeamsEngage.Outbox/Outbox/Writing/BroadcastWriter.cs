using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Writes broadcasts: the header, one row per recipient (through a <see cref="ShardWriter"/>), update rounds over what
/// was delivered, and cancellation of what was not sent yet.
/// </summary>
internal sealed class BroadcastWriter(OutboxTables tables, WorkIndex work, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time)
{
    public async Task<BroadcastReceipt> StartAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentException.ThrowIfNullOrEmpty(request.BroadcastId);
        var tenant = TenantScope.Require("the outbox");
        var header = await CreateHeaderAsync(new BroadcastHeader(
            request.BroadcastId, request.Kind, request.Payload, request.Priority, options.Value.ShardsPerBroadcast,
            false, false, time.GetUtcNow(), false, null, tenant), cancellationToken).ConfigureAwait(false);
        if (TenantScope.Normalize(header.TenantId) != tenant)
        {
            throw new InvalidOperationException($"Broadcast {request.BroadcastId} belongs to another tenant.");
        }

        var writer = NewShardWriter(header);
        await foreach (var recipient in recipients.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.AddAsync(StoreKey.Escape(recipient.PersonKey), recipient.PersonKey, RecipientRow(recipient), cancellationToken).ConfigureAwait(false);
        }
        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
        await MarkWritesDoneAsync(header.BroadcastId, cancellationToken).ConfigureAwait(false);
        return new BroadcastReceipt(request.BroadcastId, writer.Pending, writer.Unreachable);
    }

    public async Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(broadcastId);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var original = await tables.ReadOwnHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (original is null)
        {
            return 0;
        }
        // Each update round is a broadcast of its own (same shard layout), so the original's delivery records stay as they are.
        var updateId = broadcastId + "~u" + time.GetUtcNow().UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var header = await CreateHeaderAsync(new BroadcastHeader(
            updateId, kind, payload, OutboxPriority.Normal, original.Shards, false, false, time.GetUtcNow(), true, broadcastId, original.TenantId), cancellationToken).ConfigureAwait(false);
        // Messages on their way now were rendered before this round and are recorded after it reads their rows: their
        // senders queue this round for them once they see it named on the header (LateUpdates). Waiting out the header
        // cache first means a sender that does not see it yet recorded its message before the read below. No wait when
        // nothing of the broadcast is left to send. It is in real time, so a test clock cannot hold an update up.
        await MarkLatestUpdateAsync(broadcastId, updateId, cancellationToken).ConfigureAwait(false);
        if (await work.ListsBroadcastAsync(broadcastId, cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(BroadcastHeaderCache.MaxAge, cancellationToken).ConfigureAwait(false);
        }
        var writer = NewShardWriter(header);
        await foreach (var row in tables.ReadRowsAsync(original, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(RowFields.Status) == nameof(DeliveryStatus.Sent) && row.GetString(RowFields.ActivityId) is not null)
            {
                await writer.AddAsync(row.RowKey, row.GetString(RowFields.PersonKey) ?? row.RowKey, UpdateRow(row), cancellationToken).ConfigureAwait(false);
            }
        }
        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
        await MarkWritesDoneAsync(updateId, cancellationToken).ConfigureAwait(false);
        return writer.Pending;
    }

    public async Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(broadcastId);
        if (await tables.ReadOwnHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false) is null)
        {
            return 0;
        }
        var header = await SetCancelledAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return 0;
        }
        // The dispatcher re-reads the header before each send, so nothing new starts; the rows record the outcome. A
        // sender that saw the cancelled header first may have marked its row itself: that row was stopped too, and counts.
        var cancelled = 0;
        await foreach (var row in tables.ReadRowsAsync(header, cancellationToken).ConfigureAwait(false))
        {
            var status = row.GetString(RowFields.Status);
            if (status == nameof(DeliveryStatus.Cancelled)
                || (status == nameof(DeliveryStatus.Pending) && await CancelRowAsync(row, cancellationToken).ConfigureAwait(false)))
            {
                cancelled++;
            }
        }
        return cancelled;
    }

    // A pending row may be written meanwhile without being settled (a send that met a 429 records its attempt): read
    // it again and cancel it while it is still pending. A row sent or failed meanwhile keeps that outcome; one its
    // sender cancelled meanwhile is reported as cancelled.
    private async Task<bool> CancelRowAsync(StoreEntity listed, CancellationToken cancellationToken)
    {
        var result = await OptimisticUpdate.ApplyAsync(
            ct => tables.Rows.GetAsync(listed.PartitionKey, listed.RowKey, ct),
            row => row.GetString(RowFields.Status) == nameof(DeliveryStatus.Pending)
                ? Decision.Write(new Dictionary<string, object?>(row.Properties) { [RowFields.Status] = nameof(DeliveryStatus.Cancelled) })
                : Decision.Keep<Dictionary<string, object?>>(),
            (row, properties, ct) => tables.Rows.UpdateAsync(row with { Properties = properties }, ct),
            cancellationToken).ConfigureAwait(false);
        return result.Written || result.State?.GetString(RowFields.Status) == nameof(DeliveryStatus.Cancelled);
    }

    public ShardWriter NewShardWriter(BroadcastHeader header) => new(tables.Rows, work, signal, header);

    public static Dictionary<string, object?> RecipientRow(BroadcastRecipient r)
    {
        var reachable = !string.IsNullOrWhiteSpace(r.UserId);
        return new Dictionary<string, object?>
        {
            [RowFields.PersonKey] = r.PersonKey,
            [RowFields.UserId] = reachable ? r.UserId : null,
            [RowFields.DepartmentCode] = r.DepartmentCode,
            [RowFields.Role] = r.Role,
            [RowFields.Status] = reachable ? nameof(DeliveryStatus.Pending) : nameof(DeliveryStatus.Unreachable),
            [RowFields.Reason] = reachable ? null : FailureReasons.NotInstalled,
            [RowFields.NotBefore] = reachable ? r.NotBefore?.ToUniversalTime() : null,
        };
    }

    private static Dictionary<string, object?> UpdateRow(StoreEntity delivered) => new()
    {
        [RowFields.PersonKey] = delivered.GetString(RowFields.PersonKey),
        [RowFields.UserId] = delivered.GetString(RowFields.UserId),
        [RowFields.DepartmentCode] = delivered.GetString(RowFields.DepartmentCode),
        [RowFields.Role] = delivered.GetString(RowFields.Role),
        [RowFields.ConversationId] = delivered.GetString(RowFields.ConversationId),
        [RowFields.ActivityId] = delivered.GetString(RowFields.ActivityId),
        [RowFields.Status] = nameof(DeliveryStatus.Pending),
    };

    public async Task<BroadcastHeader> CreateHeaderAsync(BroadcastHeader header, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Broadcasts.InsertAsync(header.ToEntity(), cancellationToken).ConfigureAwait(false);
            return header;
        }
        catch (StoreConflictException)
        {
            return await ReopenHeaderAsync(header, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A repeated start keeps the first header (its shard count decides where rows already are), marked as being written again.</summary>
    private async Task<BroadcastHeader> ReopenHeaderAsync(BroadcastHeader header, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await tables.ReadHeaderEntityAsync(header.BroadcastId, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return header;
            }
            var current = BroadcastHeader.From(existing);
            if (!current.WritesDone)
            {
                return current;
            }
            try
            {
                await tables.Broadcasts.UpdateAsync((current with { WritesDone = false }).ToEntity(existing.ETag), cancellationToken).ConfigureAwait(false);
                return current with { WritesDone = false };
            }
            catch (StorePreconditionFailedException)
            {
            }
        }
    }

    /// <summary>Names the newest update round on the original broadcast's header, unless a newer one is named already.</summary>
    private async Task MarkLatestUpdateAsync(string broadcastId, string updateId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = await tables.ReadHeaderEntityAsync(broadcastId, cancellationToken).ConfigureAwait(false);
            if (entity is null || string.CompareOrdinal(BroadcastHeader.From(entity).LatestUpdateId, updateId) >= 0)
            {
                return;
            }
            try
            {
                await tables.Broadcasts.UpdateAsync((BroadcastHeader.From(entity) with { LatestUpdateId = updateId }).ToEntity(entity.ETag), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorePreconditionFailedException)
            {
                // Changed meanwhile (a cancel, another round, the writes done): read again and keep that change.
            }
        }
    }

    public async Task MarkWritesDoneAsync(string broadcastId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var entity = await tables.ReadHeaderEntityAsync(broadcastId, cancellationToken).ConfigureAwait(false);
            if (entity is null || BroadcastHeader.From(entity) is { WritesDone: true })
            {
                return;
            }
            try
            {
                await tables.Broadcasts.UpdateAsync((BroadcastHeader.From(entity) with { WritesDone = true }).ToEntity(entity.ETag), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorePreconditionFailedException)
            {
                // Cancelled meanwhile: read again and keep that change.
            }
        }
    }

    private async Task<BroadcastHeader?> SetCancelledAsync(string broadcastId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = await tables.ReadHeaderEntityAsync(broadcastId, cancellationToken).ConfigureAwait(false);
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
                await tables.Broadcasts.UpdateAsync((header with { Cancelled = true }).ToEntity(entity.ETag), cancellationToken).ConfigureAwait(false);
                return header with { Cancelled = true };
            }
            catch (StorePreconditionFailedException)
            {
            }
        }
    }
}
