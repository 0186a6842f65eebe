using System.Runtime.CompilerServices;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>The outbox over <see cref="ITableStore"/>: writes single messages here, broadcasts through the <see cref="BroadcastWriter"/>; the dispatcher sends them.</summary>
internal sealed class TableOutbox(OutboxTables tables, WorkIndex work, BroadcastWriter broadcasts, BroadcastJobs jobs, OutboxSignal signal, TimeProvider time) : IOutbox
{
    public async Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.RecipientUserId);
        ArgumentException.ThrowIfNullOrEmpty(message.Kind);
        return await EnqueueRowAsync(message.Priority, message.NotBefore, new Dictionary<string, object?>
        {
            [RowFields.UserId] = message.RecipientUserId,
            [RowFields.Kind] = message.Kind,
            [RowFields.Payload] = message.Payload,
            [RowFields.NotBefore] = message.NotBefore?.ToUniversalTime(),
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> EnqueueUpdateAsync(OutboxUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrEmpty(update.RecipientUserId);
        ArgumentException.ThrowIfNullOrEmpty(update.ActivityId);
        return await EnqueueRowAsync(update.Priority, null, new Dictionary<string, object?>
        {
            [RowFields.UserId] = update.RecipientUserId,
            [RowFields.ConversationId] = update.ConversationId,
            [RowFields.ActivityId] = update.ActivityId,
            [RowFields.Kind] = update.Kind,
            [RowFields.Payload] = update.Payload,
            [RowFields.IsUpdate] = true,
            [RowFields.ParentBroadcastId] = update.BroadcastId,
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<BroadcastReceipt> StartBroadcastAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken = default) =>
        broadcasts.StartAsync(request, recipients, cancellationToken);

    public Task QueueBroadcastAsync(BroadcastRequest request, BroadcastAudienceSpec audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentException.ThrowIfNullOrEmpty(request.BroadcastId);
        ArgumentException.ThrowIfNullOrEmpty(audience.Kind);
        return jobs.QueueAsync(request, audience, cancellationToken);
    }

    public async Task<BroadcastProgress?> ReadProgressAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(broadcastId);
        // The job row goes last (after the feature's totals and the header's WritesDone), so while it exists the
        // broadcast counts as being written, and reading it first never misses a broadcast in between.
        if (await jobs.ReadOwnAsync(broadcastId, cancellationToken).ConfigureAwait(false) is { } job)
        {
            return job.Progress with { Done = false };
        }
        return await tables.ReadOwnHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false) is { } header
            ? new BroadcastProgress(header.WritesDone, 0, 0, null)
            : null;
    }

    public Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken = default) =>
        broadcasts.UpdateDeliveredAsync(broadcastId, kind, payload, cancellationToken);

    public Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken = default) =>
        broadcasts.CancelPendingAsync(broadcastId, cancellationToken);

    public async IAsyncEnumerable<DeliveryRecord> ReadDeliveriesAsync(string broadcastId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(broadcastId);
        var header = await tables.ReadOwnHeaderAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            yield break;
        }
        await foreach (var row in tables.ReadRowsAsync(header, cancellationToken).ConfigureAwait(false))
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
                row.GetDateTimeOffset(RowFields.SentAt),
                row.GetDateTimeOffset(RowFields.NotBefore));
        }
    }

    private async Task<string> EnqueueRowAsync(OutboxPriority priority, DateTimeOffset? notBefore, Dictionary<string, object?> properties, CancellationToken cancellationToken)
    {
        var partition = OutboxKeys.QueuePartition(priority);
        var now = time.GetUtcNow();
        // Keyed by when it may go, so a queue reads in due order and a scan stops at the first row still waiting.
        var rowKey = OutboxKeys.QueueRowKey(notBefore > now ? notBefore.Value : now);
        properties[RowFields.Status] = nameof(DeliveryStatus.Pending);
        // The dispatcher sends and renders the row in this tenant, whatever conversation the row names.
        properties[RowFields.TenantId] = TenantScope.Require("the outbox");
        await tables.Rows.InsertAsync(new StoreEntity(partition, rowKey, properties), cancellationToken).ConfigureAwait(false);
        await work.EnsureQueueAsync(priority, cancellationToken).ConfigureAwait(false);
        signal.Notify();
        return rowKey;
    }
}
