using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// The retry rules of interactive connector calls, as Polly strategies: throttling (429), 412, 500, 502, 503, 504,
/// network failures and attempt timeouts are retried; <c>Retry-After</c> (seconds or an HTTP date) is waited exactly,
/// otherwise the wait is an exponential backoff with full jitter. Every other status, a 403 <c>MessageWritesBlocked</c>
/// among them, is returned at once. When the attempts run out, the last response (or network failure) reaches the client.
/// </summary>
internal static partial class ConnectorResilience
{
    public const string RetryPipeline = "connector-retry";
    public const string AttemptTimeoutPipeline = "connector-attempt-timeout";

    /// <summary>Whether the connector may answer differently to the same request later.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the connector asked for, as delta-seconds or an HTTP-date; null when it did not say.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Full jitter: a uniform wait between zero and min(MaxDelay, BaseDelay * 2^(attempt-1)).</summary>
    public static TimeSpan Backoff(int attempt, ConnectorClientOptions options)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * Math.Pow(2, exponent));
        // Jitter only spreads retries of many callers apart; it needs no cryptographic quality.
#pragma warning disable CA5394
        return TimeSpan.FromTicks((long)(ceiling * Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }

    /// <summary>The retry strategy; with one attempt configured there is none, and the caller handles every failure.</summary>
    public static void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorClientOptions options, TimeProvider time, ILogger logger)
    {
        builder.TimeProvider = time;
        if (options.MaxAttempts <= 1)
        {
            return;
        }
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time, logger)),
            // Polly counts retries from 0; the backoff counts attempts from 1.
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryAfterOf(args.Outcome, time) ?? Backoff(args.AttemptNumber + 1, options)),
            OnRetry = args =>
            {
                var status = args.Outcome.Result is { } response ? (int)response.StatusCode : 0;
                var method = args.Context.GetRequestMessage()?.Method.Method ?? "?";
                LogRetrying(logger, method, status, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.GetType().Name);
                return default;
            },
        });
    }

    /// <summary>
    /// The time one attempt may take. It runs on the system clock, not the pipeline's: it is a safety net for a hung
    /// connection, and the retry waits are what a test's clock replaces.
    /// </summary>
    public static void AddAttemptTimeout(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorClientOptions options)
    {
        builder.TimeProvider = TimeProvider.System;
        builder.AddTimeout(options.AttemptTimeout);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ConnectorClientOptions options, TimeProvider time, ILogger logger)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }
        var response = outcome.Result!;
        if (!IsRetryableStatus(response.StatusCode))
        {
            return false;
        }
        if (ReadRetryAfter(response, time) is { } retryAfter && retryAfter > options.MaxRetryAfter)
        {
            // Waiting less than asked would only be throttled again: the caller gets the answer and its Retry-After.
            LogRetryAfterTooLong(logger, (int)response.StatusCode, retryAfter);
            return false;
        }
        return true;
    }

    private static TimeSpan? RetryAfterOf(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { } response ? ReadRetryAfter(response, time) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} got {StatusCode} (attempt {Attempt}), retrying in {Delay} ({Failure})")]
    private static partial void LogRetrying(ILogger logger, string method, int statusCode, int attempt, TimeSpan delay, string? failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector call got {StatusCode} asking to wait {RetryAfter}, longer than this pipeline waits; giving up")]
    private static partial void LogRetryAfterTooLong(ILogger logger, int statusCode, TimeSpan retryAfter);
}
