using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Conversations;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Sends one outbox row: resolves the recipient's conversation, renders the message by its kind, waits for the
/// conversation's and the tenant's turn, calls the connector and records the outcome on the row.
/// </summary>
internal sealed class OutboxSender
{
    private readonly BroadcastHeaderCache _headers;
    private static readonly TimeSpan ReferenceRecheckAfter = TimeSpan.FromSeconds(1);

    private readonly ConversationReferenceStore _references;
    private readonly Dictionary<string, IOutboxRenderer> _renderers;
    private readonly IConnectorClient _connector;
    private readonly IServiceUrlTrust _trust;
    private readonly TenantRateLimiter _tenants;
    private readonly ConversationRateLimiter _conversations;
    private readonly DeliveryRecorder _recorder;
    private readonly LateUpdates _lateUpdates;
    private readonly SendFailures _failures;
    private readonly TimeSpan _sendTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;

    public OutboxSender(
        BroadcastHeaderCache headers,
        ConversationReferenceStore references,
        IEnumerable<IOutboxRenderer> renderers,
        [FromKeyedServices(ConnectorClientKeys.Proactive)] IConnectorClient connector,
        IServiceUrlTrust trust,
        TenantRateLimiter tenants,
        ConversationRateLimiter conversations,
        DeliveryRecorder recorder,
        LateUpdates lateUpdates,
        SendFailures failures,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<OutboxSender> logger)
    {
        _headers = headers;
        _references = references;
        _renderers = renderers.GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _connector = connector;
        _trust = trust;
        _tenants = tenants;
        _conversations = conversations;
        _recorder = recorder;
        _lateUpdates = lateUpdates;
        _failures = failures;
        _sendTimeout = options.Value.SendTimeout;
        _time = time;
        _logger = logger;
    }

    public async Task<SendOutcome> SendAsync(PendingRow pending, Func<bool> leaseUsable, CancellationToken cancellationToken)
    {
        var message = await ReadAsync(pending, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            await _recorder.FinishAsync(pending, DeliveryStatus.Cancelled, null, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        try
        {
            return await SendMessageAsync(pending, message, leaseUsable, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return await _failures.OnConnectorFailureAsync(pending, ex, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            pending.Attempts++;
            OutboxLog.Unexpected(_logger, ex, pending.Item.PartitionKey, OutboxLog.Row(pending.Item.PartitionKey, pending.Row.RowKey), pending.Attempts);
            return await _failures.RetryOrFailAsync(pending, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What the row asks for (a broadcast row takes kind and payload from its header); null when its broadcast was cancelled.</summary>
    private async Task<OutgoingMessage?> ReadAsync(PendingRow pending, CancellationToken cancellationToken)
    {
        var row = pending.Row;
        var header = pending.Item.IsQueue ? null : await _headers.GetAsync(pending.Item, cancellationToken).ConfigureAwait(false);
        if (header is { Cancelled: true })
        {
            return null;
        }
        return new OutgoingMessage(
            header?.Kind ?? row.GetString(RowFields.Kind) ?? string.Empty,
            header?.Payload ?? row.GetString(RowFields.Payload) ?? string.Empty,
            header?.IsUpdate ?? row.GetBoolean(RowFields.IsUpdate) ?? false,
            header is null ? row.GetString(RowFields.ParentBroadcastId) : header.ParentBroadcastId ?? header.BroadcastId,
            row.GetString(RowFields.UserId) ?? string.Empty,
            row.GetString(RowFields.PersonKey),
            TenantScope.Normalize(header is null ? row.GetString(RowFields.TenantId) : header.TenantId),
            header?.LatestUpdateId);
    }

    private async Task<SendOutcome> SendMessageAsync(PendingRow pending, OutgoingMessage message, Func<bool> leaseUsable, CancellationToken cancellationToken)
    {
        var reference = await _references.FindAsync(message.UserId, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            await _recorder.FinishAsync(pending, DeliveryStatus.Unreachable, FailureReasons.NotInstalled, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        // A row without a tenant, or for a conversation in another tenant, is never sent: nothing crosses tenants.
        if (message.TenantId is not { } tenant || TenantScope.Normalize(reference.TenantId) != tenant)
        {
            await _recorder.FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.WrongTenant, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        if (!_renderers.TryGetValue(message.Kind, out var renderer))
        {
            OutboxLog.NoRenderer(_logger, message.Kind);
            await _recorder.FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        // The renderer and the delivery callback read the feature's tables: they run in the row's tenant.
        using var scope = TenantScope.Enter(tenant);
        var context = new RenderContext(message.BroadcastId, message.Kind, message.Payload, reference, message.PersonKey, message.IsUpdate);
        var renderedAt = _time.GetUtcNow();
        var rendered = await renderer.RenderAsync(context, cancellationToken).ConfigureAwait(false);
        if (rendered is null)
        {
            await _recorder.FinishAsync(pending, DeliveryStatus.Cancelled, null, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        var conversationId = message.IsUpdate ? pending.Row.GetString(RowFields.ConversationId) ?? reference.ConversationId : reference.ConversationId;
        if (await WaitTurnAsync(pending, tenant, conversationId, message.UserId, cancellationToken).ConfigureAwait(false) is { } stopped)
        {
            await _recorder.FinishAsync(pending, stopped.Status, stopped.Reason, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        if (!leaseUsable())
        {
            // Too little of the lease is left to send now. The row is not done: it waits for the renewal here, or for
            // the instance that takes the lease over, which reads it again as pending.
            return SendOutcome.WhenLeaseAllows;
        }
        // References are recorded only from authenticated activities, so their serviceUrl is one Teams gave us.
        _trust.Trust(reference.ServiceUrl);
        var replaces = message.IsUpdate ? pending.Row.GetString(RowFields.ActivityId) : null;
        var activityId = await DeliverAsync(reference, conversationId, replaces, ToActivity(rendered, reference), cancellationToken).ConfigureAwait(false);
        await _recorder.FinishSentAsync(pending, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        await AfterSentAsync(renderer, pending, message with { RenderedAt = renderedAt }, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        return SendOutcome.Done;
    }

    /// <summary>Once a message is out and recorded: an update round that began meanwhile is queued for it, and its feature is told.</summary>
    private async Task AfterSentAsync(IOutboxRenderer renderer, PendingRow pending, OutgoingMessage message, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        if (!message.IsUpdate && activityId is not null)
        {
            await _lateUpdates.CatchUpAsync(pending, message.UpdateRound, message.UserId, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        }
        var delivered = new DeliveredContext(OutboxId(pending), message.BroadcastId, message.Kind, message.Payload, message.UserId, conversationId, activityId ?? string.Empty)
        {
            RenderedAt = message.RenderedAt,
        };
        await NotifyDeliveredAsync(renderer, pending, delivered, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for the conversation's and the tenant's turn; the outcome to record instead of sending when the broadcast was
    /// cancelled or the person uninstalled meanwhile. A wait longer than a moment (a 429's Retry-After) leaves time for
    /// both, so the header and the reference are read again then, past the header cache.
    /// </summary>
    private async Task<(DeliveryStatus Status, string? Reason)?> WaitTurnAsync(PendingRow pending, string tenant, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _conversations.WaitAsync(conversationId, cancellationToken).ConfigureAwait(false);
        pending.TenantId = tenant;
        await _tenants.AcquireAsync(tenant, pending.Item.Priority, cancellationToken).ConfigureAwait(false);
        if (System.Diagnostics.Stopwatch.GetElapsedTime(started) < ReferenceRecheckAfter)
        {
            return null;
        }
        if (!pending.Item.IsQueue && await _headers.ReadFreshAsync(pending.Item, cancellationToken).ConfigureAwait(false) is { Cancelled: true })
        {
            return (DeliveryStatus.Cancelled, null);
        }
        return await _references.FindAsync(userId, cancellationToken).ConfigureAwait(false) is null
            ? (DeliveryStatus.Unreachable, FailureReasons.NotInstalled)
            : null;
    }

    private async Task<string?> DeliverAsync(ConversationReference reference, string conversationId, string? activityId, Activity activity, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_sendTimeout);
        if (activityId is null)
        {
            var sent = await _connector.SendAsync(reference.ServiceUrl, conversationId, activity, timeout.Token).ConfigureAwait(false);
            return sent.Id;
        }
        activity.Id = activityId;
        var updated = await _connector.UpdateAsync(reference.ServiceUrl, conversationId, activityId, activity, timeout.Token).ConfigureAwait(false);
        return updated.Id ?? activityId;
    }

    private async Task NotifyDeliveredAsync(IOutboxRenderer renderer, PendingRow pending, DeliveredContext delivered, CancellationToken cancellationToken)
    {
        try
        {
            await renderer.OnDeliveredAsync(delivered, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OutboxLog.DeliveredCallbackFailed(_logger, ex, delivered.Kind, pending.Row.PartitionKey, OutboxLog.Row(pending.Row.PartitionKey, pending.Row.RowKey));
        }
    }

    private static string OutboxId(PendingRow pending) =>
        pending.Item.IsQueue ? pending.Row.RowKey : pending.Row.PartitionKey + "/" + pending.Row.RowKey;

    private static Activity ToActivity(RenderedMessage message, ConversationReference reference)
    {
        var activity = message.Card is not null
            ? MessageActivities.Card(message.Card.ToJsonNode(), message.Summary)
            : MessageActivities.Text(message.Text ?? string.Empty);
        if (message.Card is not null && message.Text is not null)
        {
            activity.Text = message.Text;
        }
        activity.Recipient = new ChannelAccount { Id = reference.UserId, Name = reference.Name };
        if (reference.BotId is not null)
        {
            activity.From = new ChannelAccount { Id = reference.BotId };
        }
        activity.Conversation = new ConversationAccount { Id = reference.ConversationId, TenantId = reference.TenantId };
        return activity;
    }

    /// <summary>
    /// One row's message as read: what to render, for whom, and whether it replaces a sent one.
    /// <paramref name="UpdateRound"/> is the broadcast's newest update round as read before rendering.
    /// </summary>
    private sealed record OutgoingMessage(string Kind, string Payload, bool IsUpdate, string? BroadcastId, string UserId, string? PersonKey, string? TenantId, string? UpdateRound)
    {
        /// <summary>When it was rendered, once it was.</summary>
        public DateTimeOffset RenderedAt { get; init; }
    }
}
