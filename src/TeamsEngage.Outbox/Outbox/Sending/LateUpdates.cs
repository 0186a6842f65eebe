namespace TeamsEngage.Outbox;

/// <summary>
/// An update round replaces the messages its broadcast has recorded as sent when the round reads the rows. A message
/// rendered before the round began but recorded after that read would keep its old content: once it is recorded, the
/// round's update is queued for that one message. The round waits out the header cache before it reads the rows (see
/// <see cref="BroadcastWriter.UpdateDeliveredAsync"/>), so a sender whose cached header does not show the round yet
/// recorded its message before the read, and the round has it.
/// </summary>
internal sealed class LateUpdates(BroadcastHeaderCache headers, OutboxTables tables, IOutbox outbox, ILogger<LateUpdates> logger)
{
    /// <summary>
    /// Queues the newest update round for a message just recorded as sent, if it began after the message was rendered.
    /// The message is out and recorded whatever happens here: a failure is logged, never retried as a send.
    /// </summary>
    public async Task CatchUpAsync(PendingRow pending, string? renderedRound, string userId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        if (pending.Item.IsQueue)
        {
            return;
        }
        try
        {
            await QueueIfNewerAsync(pending, renderedRound, userId, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OutboxLog.LateUpdateFailed(logger, ex, pending.Row.PartitionKey, OutboxLog.Row(pending.Row.PartitionKey, pending.Row.RowKey));
        }
    }

    private async Task QueueIfNewerAsync(PendingRow pending, string? renderedRound, string userId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var header = await headers.GetAsync(pending.Item, cancellationToken).ConfigureAwait(false);
        if (header is not { IsUpdate: false, LatestUpdateId: { } latest } || string.CompareOrdinal(latest, renderedRound) <= 0)
        {
            return;
        }
        if (await tables.ReadHeaderAsync(latest, cancellationToken).ConfigureAwait(false) is not { Cancelled: false } round)
        {
            return;
        }
        var update = new OutboxUpdate(userId, conversationId, activityId, round.Kind, round.Payload, round.Priority) { BroadcastId = header.BroadcastId };
        await outbox.EnqueueUpdateAsync(update, cancellationToken).ConfigureAwait(false);
    }
}
