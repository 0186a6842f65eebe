using System.Net;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Client;

namespace TeamsEngage.Outbox;

/// <summary>
/// What a failed send leads to: a 429 pauses the tenant for exactly the Retry-After, on every instance, and the row
/// waits its turn again;
/// a blocked or gone recipient is recorded at once; transient failures are retried with backoff a bounded number of times.
/// </summary>
internal sealed class SendFailures(
    DeliveryRecorder recorder, TenantRateLimiter tenants, RateShares shares, OutboxMetrics metrics, IOptions<OutboxOptions> options, TimeProvider time, ILogger<SendFailures> logger)
{
    private readonly OutboxOptions _options = options.Value;

    public async Task<SendOutcome> OnConnectorFailureAsync(PendingRow pending, ConnectorException ex, CancellationToken cancellationToken)
    {
        if (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return await OnThrottledAsync(pending, ex.RetryAfter, cancellationToken).ConfigureAwait(false);
        }
        if (ex.IsBlocked || ex.IsGone)
        {
            await recorder.FinishAsync(pending, DeliveryStatus.Failed, ex.IsBlocked ? FailureReasons.Blocked : FailureReasons.Gone, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Done;
        }
        if (ex.IsTransient)
        {
            pending.Attempts++;
            return await RetryOrFailAsync(pending, (int?)ex.StatusCode, cancellationToken).ConfigureAwait(false);
        }
        await recorder.FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, cancellationToken).ConfigureAwait(false);
        return SendOutcome.Done;
    }

    public async Task<SendOutcome> RetryOrFailAsync(PendingRow pending, int? statusCode, CancellationToken cancellationToken)
    {
        if (pending.Attempts < _options.MaxAttempts)
        {
            var delay = Backoff(pending.Attempts);
            OutboxLog.Retrying(logger, pending.Item.PartitionKey, OutboxLog.Row(pending.Item.PartitionKey, pending.Row.RowKey), pending.Attempts, statusCode, delay);
            metrics.Retried(pending.TenantId, statusCode);
            return new SendOutcome(time.GetUtcNow() + delay);
        }
        await recorder.FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, cancellationToken).ConfigureAwait(false);
        return SendOutcome.Done;
    }

    private async Task<SendOutcome> OnThrottledAsync(PendingRow pending, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        // Not an attempt: the row waits for the tenant's bucket, which stays closed for exactly the time asked.
        pending.Throttles++;
        var wait = retryAfter ?? Backoff(pending.Throttles);
        var tenant = pending.TenantId ?? string.Empty;
        tenants.Pause(tenant, wait);
        await shares.SharePauseAsync(tenant, time.GetUtcNow() + wait, cancellationToken).ConfigureAwait(false);
        OutboxLog.Throttled(logger, tenant, wait);
        metrics.Throttled(tenant);
        if (pending.Throttles < _options.MaxThrottles)
        {
            return new SendOutcome(time.GetUtcNow());
        }
        await recorder.FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, cancellationToken).ConfigureAwait(false);
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
}
