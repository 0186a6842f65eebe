namespace TeamsEngage.Outbox;

internal static partial class OutboxLog
{
    /// <summary>
    /// How a log names a row: a single message by its key (time and a random id); a broadcast row by nothing, because
    /// its key is the recipient's directory key (an Entra object id or an email address).
    /// </summary>
    public static string Row(string partition, string rowKey) => OutboxKeys.IsQueue(partition) ? rowKey : "(recipient)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher {InstanceId} started at {RequestsPerSecond} requests/s per tenant, {MaxConcurrency} in flight")]
    public static partial void Started(ILogger logger, string instanceId, double requestsPerSecond, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatcher cycle failed; continuing in {Delay}")]
    public static partial void CycleFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leased outbox work {Partition} until {LeaseUntil}")]
    public static partial void Leased(ILogger logger, string partition, DateTimeOffset leaseUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of outbox work {Partition}; another instance holds it")]
    public static partial void LeaseLost(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox work {Partition} finished")]
    public static partial void Finished(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox work {Partition} waits for quiet hours to end at {WakeAt}")]
    public static partial void Parked(ILogger logger, string partition, DateTimeOffset wakeAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector throttled tenant {TenantId}: pausing for {RetryAfter}")]
    public static partial void Throttled(ILogger logger, string tenantId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Partition}/{Row} failed (attempt {Attempt}, status {StatusCode}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string partition, string row, int attempt, int? statusCode, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Partition}/{Row} recorded as {Status} ({Reason})")]
    public static partial void Failed(ILogger logger, string partition, string row, DeliveryStatus status, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No outbox renderer for kind {Kind}")]
    public static partial void NoRenderer(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Partition}/{Row} changed while it was being sent; its outcome was not recorded")]
    public static partial void RowChanged(ILogger logger, string partition, string row);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renderer of {Kind} failed after delivery of {Partition}/{Row}")]
    public static partial void DeliveredCallbackFailed(ILogger logger, Exception exception, string kind, string partition, string row);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Partition}/{Row} failed unexpectedly (attempt {Attempt})")]
    public static partial void Unexpected(ILogger logger, Exception exception, string partition, string row, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast {BroadcastId} waits: no audience resolver for kind {AudienceKind}")]
    public static partial void NoAudience(ILogger logger, string broadcastId, string audienceKind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast {BroadcastId} waits: its job has no tenant, or its header belongs to another tenant")]
    public static partial void JobWithoutTenant(ILogger logger, string broadcastId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the writing lease of broadcast {BroadcastId}; another instance continues it")]
    public static partial void WritingLeaseLost(ILogger logger, string broadcastId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} written: {Written} rows for {Examined} people examined")]
    public static partial void Written(ILogger logger, string broadcastId, int written, int examined);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the newest update for {Partition}/{Row}, sent while that update began; the message keeps its earlier content")]
    public static partial void LateUpdateFailed(ILogger logger, Exception exception, string partition, string row);
}
