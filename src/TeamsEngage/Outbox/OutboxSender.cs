using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Conversations;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>What became of one attempt: done (recorded), or due again at <see cref="RetryAt"/>.</summary>
internal readonly record struct SendOutcome(DateTimeOffset? RetryAt)
{
    public static SendOutcome Done => new(null);
}

/// <summary>
/// Sends one outbox row: resolves the recipient's conversation, renders the message by its kind, waits for the
/// conversation's and the tenant's turn, calls the connector and records the outcome on the row.
/// </summary>
public sealed partial class OutboxSender
{
    private static readonly TimeSpan HeaderMaxAge = TimeSpan.FromSeconds(1);

    private readonly IStoreTable _rows;
    private readonly IStoreTable _broadcasts;
    private readonly ConversationReferenceStore _references;
    private readonly Dictionary<string, IOutboxRenderer> _renderers;
    private readonly OutboxConnector _connector;
    private readonly ServiceUrlTrust _trust;
    private readonly TenantRateLimiter _tenants;
    private readonly ConversationRateLimiter _conversations;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;
    private readonly ConcurrentDictionary<string, (BroadcastHeader? Header, DateTimeOffset ReadAt)> _headers = new(StringComparer.Ordinal);

    public OutboxSender(
        ITableStore store,
        ConversationReferenceStore references,
        IEnumerable<IOutboxRenderer> renderers,
        OutboxConnector connector,
        ServiceUrlTrust trust,
        TenantRateLimiter tenants,
        ConversationRateLimiter conversations,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<OutboxSender> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _rows = store.Table(OutboxKeys.RowsTable);
        _broadcasts = store.Table(OutboxKeys.BroadcastsTable);
        _references = references;
        _renderers = renderers.GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _connector = connector;
        _trust = trust;
        _tenants = tenants;
        _conversations = conversations;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    internal async Task<SendOutcome> SendAsync(PendingRow pending, Func<bool> leaseUsable, CancellationToken cancellationToken)
    {
        var item = pending.Item;
        var row = pending.Row;
        var header = item.IsQueue ? null : await HeaderAsync(item, cancellationToken).ConfigureAwait(false);
        if (header is { Cancelled: true })
        {
            await FinishAsync(pending, DeliveryStatus.Cancelled, null, null, null, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        var kind = header?.Kind ?? row.GetString(RowFields.Kind) ?? string.Empty;
        var payload = header?.Payload ?? row.GetString(RowFields.Payload) ?? string.Empty;
        var isUpdate = header?.IsUpdate ?? row.GetBoolean(RowFields.IsUpdate) ?? false;
        var userId = row.GetString(RowFields.UserId) ?? string.Empty;
        try
        {
            var reference = await _references.FindAsync(userId, cancellationToken).ConfigureAwait(false);
            if (reference is null)
            {
                await FinishAsync(pending, DeliveryStatus.Unreachable, FailureReasons.NotInstalled, null, null, cancellationToken).ConfigureAwait(false);
                return SendOutcome.Done;
            }
            if (!_renderers.TryGetValue(kind, out var renderer))
            {
                OutboxLog.NoRenderer(_logger, kind);
                await FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, null, null, cancellationToken).ConfigureAwait(false);
                return SendOutcome.Done;
            }
            var broadcastId = header?.ParentBroadcastId ?? header?.BroadcastId;
            var personKey = row.GetString(RowFields.PersonKey);
            var rendered = await renderer.RenderAsync(new RenderContext(broadcastId, kind, payload, reference, personKey, isUpdate), cancellationToken).ConfigureAwait(false);
            if (rendered is null)
            {
                await FinishAsync(pending, DeliveryStatus.Cancelled, null, null, null, cancellationToken).ConfigureAwait(false);
                return SendOutcome.Done;
            }
            var conversationId = isUpdate ? row.GetString(RowFields.ConversationId) ?? reference.ConversationId : reference.ConversationId;
            await _conversations.WaitAsync(conversationId, cancellationToken).ConfigureAwait(false);
            pending.TenantId = reference.TenantId;
            await _tenants.AcquireAsync(reference.TenantId ?? string.Empty, item.Priority, cancellationToken).ConfigureAwait(false);
            if (!leaseUsable())
            {
                // The lease is about to pass to another instance, which will send this row.
                return SendOutcome.Done;
            }
            // References are recorded only from authenticated activities, so their serviceUrl is one Teams gave us.
            _trust.Trust(reference.ServiceUrl);
            var activity = ToActivity(rendered, reference);
            var activityId = await DeliverAsync(reference, conversationId, isUpdate ? row.GetString(RowFields.ActivityId) : null, activity, cancellationToken).ConfigureAwait(false);
            await FinishAsync(pending, DeliveryStatus.Sent, null, conversationId, activityId, cancellationToken).ConfigureAwait(false);
            await NotifyDeliveredAsync(renderer, pending, broadcastId, kind, payload, userId, conversationId, activityId, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        catch (ConnectorException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return await OnConnectorFailureAsync(pending, ex, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            pending.Attempts++;
            OutboxLog.Unexpected(_logger, ex, item.PartitionKey, row.RowKey, pending.Attempts);
            return await RetryOrFailAsync(pending, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string?> DeliverAsync(ConversationReference reference, string conversationId, string? activityId, Activity activity, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        if (activityId is null)
        {
            var sent = await _connector.Client.SendAsync(reference.ServiceUrl, conversationId, activity, timeout.Token).ConfigureAwait(false);
            return sent.Id;
        }
        activity.Id = activityId;
        var updated = await _connector.Client.UpdateAsync(reference.ServiceUrl, conversationId, activityId, activity, timeout.Token).ConfigureAwait(false);
        return updated.Id ?? activityId;
    }

    private async Task<SendOutcome> OnConnectorFailureAsync(PendingRow pending, ConnectorException ex, CancellationToken cancellationToken)
    {
        if (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Not an attempt: the row waits for the tenant's bucket, which stays closed for exactly the time asked.
            pending.Throttles++;
            var wait = ex.RetryAfter ?? Backoff(pending.Throttles);
            var tenant = pending.TenantId ?? string.Empty;
            _tenants.Pause(tenant, wait);
            OutboxLog.Throttled(_logger, tenant, wait);
            if (pending.Throttles < _options.MaxThrottles)
            {
                return new SendOutcome(_time.GetUtcNow());
            }
            await FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, null, null, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        if (ex.IsBlocked)
        {
            await FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Blocked, null, null, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        if (ex.IsGone)
        {
            await FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Gone, null, null, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        if (ex.IsTransient)
        {
            pending.Attempts++;
            return await RetryOrFailAsync(pending, (int?)ex.StatusCode, cancellationToken).ConfigureAwait(false);
        }
        await FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, null, null, cancellationToken).ConfigureAwait(false);
        return SendOutcome.Done;
    }

    private async Task<SendOutcome> RetryOrFailAsync(PendingRow pending, int? statusCode, CancellationToken cancellationToken)
    {
        if (pending.Attempts < _options.MaxAttempts)
        {
            var delay = Backoff(pending.Attempts);
            OutboxLog.Retrying(_logger, pending.Item.PartitionKey, pending.Row.RowKey, pending.Attempts, statusCode, delay);
            return new SendOutcome(_time.GetUtcNow() + delay);
        }
        await FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, null, null, cancellationToken).ConfigureAwait(false);
        return SendOutcome.Done;
    }

    /// <summary>Half-jittered exponential backoff: between half and all of min(max, base * 2^(attempt-1)).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.RetryMaxDelay.Ticks, _options.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30)));
        // Jitter only spreads retries apart; it needs no cryptographic quality.
#pragma warning disable CA5394
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (Random.Shared.NextDouble() / 2))));
#pragma warning restore CA5394
    }

    private async Task NotifyDeliveredAsync(IOutboxRenderer renderer, PendingRow pending, string? broadcastId, string kind, string payload, string userId, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        try
        {
            var outboxId = pending.Item.IsQueue ? pending.Row.RowKey : pending.Row.PartitionKey + "/" + pending.Row.RowKey;
            await renderer.OnDeliveredAsync(new DeliveredContext(outboxId, broadcastId, kind, payload, userId, conversationId, activityId ?? string.Empty), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OutboxLog.DeliveredCallbackFailed(_logger, ex, kind, pending.Row.PartitionKey, pending.Row.RowKey);
        }
    }

    private async Task<BroadcastHeader?> HeaderAsync(WorkItem item, CancellationToken cancellationToken)
    {
        // One read per broadcast per second for all its shards: a cancel stops the rest within that time.
        var now = _time.GetUtcNow();
        if (_headers.TryGetValue(item.BroadcastId!, out var cached) && now - cached.ReadAt < HeaderMaxAge)
        {
            return cached.Header ?? item.Header;
        }
        var entity = await _broadcasts.GetAsync(StoreKey.Escape(item.BroadcastId!), OutboxKeys.HeaderRow, cancellationToken).ConfigureAwait(false);
        var header = entity is null ? item.Header : BroadcastHeader.From(entity);
        _headers[item.BroadcastId!] = (header, now);
        if (_headers.Count > 1000)
        {
            foreach (var old in _headers.Where(p => now - p.Value.ReadAt > HeaderMaxAge).Select(p => p.Key).ToList())
            {
                _headers.TryRemove(old, out _);
            }
        }
        return header;
    }

    private static Activity ToActivity(RenderedMessage message, ConversationReference reference)
    {
        var activity = message.Card is not null ? Replies.Card(message.Card, message.Summary) : Replies.Text(message.Text ?? string.Empty);
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
}
