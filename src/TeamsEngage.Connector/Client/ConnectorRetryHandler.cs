using System.Net;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// Retries connector calls on throttling (429), 412, 500, 502, 503, 504 and transient network failures, honouring
/// <c>Retry-After</c> exactly and otherwise backing off exponentially with full jitter. Other statuses are returned at once.
/// When the attempts run out, the last response is returned (or the last network failure rethrown) for the client to report.
/// </summary>
public sealed partial class ConnectorRetryHandler : DelegatingHandler
{
    private readonly IOptionsMonitor<ConnectorClientOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConnectorRetryHandler> _logger;

    /// <summary>Creates the handler; delays go through <paramref name="timeProvider"/>.</summary>
    public ConnectorRetryHandler(IOptionsMonitor<ConnectorClientOptions> options, TimeProvider timeProvider, ILogger<ConnectorRetryHandler> logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Whether the connector may answer differently to the same request later.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.CurrentValue;
        for (var attempt = 1; ; attempt++)
        {
            var (response, failure) = await TrySendAsync(request, options.AttemptTimeout, cancellationToken).ConfigureAwait(false);
            if (response is not null && !IsRetryableStatus(response.StatusCode))
            {
                return response;
            }
            if (attempt >= options.MaxAttempts)
            {
                return response ?? Rethrow(failure!);
            }
            var retryAfter = response is null ? null : ReadRetryAfter(response, _timeProvider);
            if (retryAfter > options.MaxRetryAfter)
            {
                LogRetryAfterTooLong(request.Method, (int)response!.StatusCode, retryAfter.Value);
                return response;
            }
            var delay = retryAfter ?? Backoff(attempt, options);
            LogRetrying(request.Method, response is null ? 0 : (int)response.StatusCode, attempt, delay, failure?.GetType().Name);
            response?.Dispose();
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait the connector asked for, as delta-seconds or an HTTP-date; null when it did not say.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
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
    internal static TimeSpan Backoff(int attempt, ConnectorClientOptions options)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * Math.Pow(2, exponent));
        // Jitter only spreads retries of many callers apart; it needs no cryptographic quality.
#pragma warning disable CA5394
        return TimeSpan.FromTicks((long)(ceiling * Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }

    private async Task<(HttpResponseMessage? Response, Exception? Failure)> TrySendAsync(
        HttpRequestMessage request, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCancellation.CancelAfter(attemptTimeout);
        try
        {
            return (await base.SendAsync(request, attemptCancellation.Token).ConfigureAwait(false), null);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new TimeoutException("The connector did not answer within " + attemptTimeout + ".", ex));
        }
    }

    private static HttpResponseMessage Rethrow(Exception failure)
    {
        ExceptionDispatchInfo.Capture(failure).Throw();
        return null!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} got {StatusCode} (attempt {Attempt}), retrying in {Delay} ({Failure})")]
    private partial void LogRetrying(HttpMethod method, int statusCode, int attempt, TimeSpan delay, string? failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} got {StatusCode} asking to wait {RetryAfter}, longer than this pipeline waits; giving up")]
    private partial void LogRetryAfterTooLong(HttpMethod method, int statusCode, TimeSpan retryAfter);
}
