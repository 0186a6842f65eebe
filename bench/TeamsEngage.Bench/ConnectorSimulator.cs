using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeamsEngage.Bench;

/// <summary>How the simulated connector behaves.</summary>
/// <param name="TenantLimit">Requests per second per tenant (a token bucket holding one second's worth).</param>
/// <param name="FaultRate">Fraction of admitted requests answered 503.</param>
/// <param name="SlowRate">Fraction of admitted requests answered after <paramref name="SlowDelay"/>.</param>
/// <param name="SlowDelay">The delay of a slow answer.</param>
/// <param name="MinLatency">Least latency of a normal answer.</param>
/// <param name="MaxLatency">Greatest latency of a normal answer.</param>
internal sealed record SimulatorSettings(double TenantLimit, double FaultRate, double SlowRate, TimeSpan SlowDelay, TimeSpan MinLatency, TimeSpan MaxLatency);

/// <summary>
/// A Bot Connector on 127.0.0.1 that enforces Teams' limits: per tenant (token bucket) and Teams' four windows per bot
/// per conversation (7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour), answering 429 with Retry-After when one is
/// exceeded; it injects 503s and slow answers, counts the messages each conversation received, and the requests it
/// admitted in each second since it started.
/// </summary>
internal sealed class ConnectorSimulator : IAsyncDisposable
{
    private static readonly (TimeSpan Window, int Most)[] ConversationWindows =
        [(TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60), (TimeSpan.FromHours(1), 1800)];

    private readonly WebApplication _app;
    private readonly SimulatorSettings _settings;
    private readonly Dictionary<string, (double Tokens, long At)> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _messageId = 1_800_000_000_000;
    private long _requests;
    private long _throttled;
    private long _faults;
    private long _firstSuccess = -1;
    private long _lastSuccess = -1;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly long[] _admittedPerSecond = new long[7200];

    private ConnectorSimulator(WebApplication app, SimulatorSettings settings)
    {
        _app = app;
        _settings = settings;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    public long Requests => Interlocked.Read(ref _requests);

    public long Throttled => Interlocked.Read(ref _throttled);

    public long Faults => Interlocked.Read(ref _faults);

    public long Successes => Delivered.Values.Sum(v => (long)v);

    /// <summary>Seconds since the simulator started.</summary>
    public double Now => Stopwatch.GetElapsedTime(_started).TotalSeconds;

    /// <summary>Requests admitted (not answered 429) in each whole second since the simulator started.</summary>
    public long[] AdmittedPerSecond => [.. _admittedPerSecond];

    /// <summary>Seconds between the first and the last successful send.</summary>
    public double ActiveSeconds => _firstSuccess < 0 ? 0 : Stopwatch.GetElapsedTime(_firstSuccess, _lastSuccess).TotalSeconds;

    public static async Task<ConnectorSimulator> StartAsync(SimulatorSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var simulator = new ConnectorSimulator(app, settings);
        app.MapPost("/v3/conversations/{conversationId}/activities", (Func<HttpContext, string, Task>)simulator.HandleAsync);
        await app.StartAsync();
        simulator.BaseUrl = app.Urls.First().TrimEnd('/') + "/";
        return simulator;
    }

    private async Task HandleAsync(HttpContext context, string conversationId)
    {
        Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var tenant = body.RootElement.TryGetProperty("conversation", out var conversation) && conversation.TryGetProperty("tenantId", out var t)
            ? t.GetString() ?? string.Empty
            : string.Empty;
        var retryAfter = Admit(tenant, conversationId);
        if (retryAfter > 0)
        {
            Interlocked.Increment(ref _throttled);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "Too many requests" } });
            return;
        }
        var roll = Random.Shared.NextDouble();
        var latency = roll < _settings.SlowRate
            ? _settings.SlowDelay
            : _settings.MinLatency + ((_settings.MaxLatency - _settings.MinLatency) * Random.Shared.NextDouble());
        await Task.Delay(latency, context.RequestAborted);
        if (Random.Shared.NextDouble() < _settings.FaultRate)
        {
            Interlocked.Increment(ref _faults);
            context.Response.StatusCode = 503;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "ServiceUnavailable", message = "Injected fault" } });
            return;
        }
        Delivered.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstSuccess, now, -1);
        Interlocked.Exchange(ref _lastSuccess, now);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { id = Interlocked.Increment(ref _messageId).ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>Takes a token of the tenant and a slot of the conversation; returns 0, or the seconds to wait.</summary>
    private int Admit(string tenant, string conversationId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var capacity = Math.Max(1, _settings.TenantLimit);
            var (tokens, at) = _tenants.TryGetValue(tenant, out var state) ? state : (capacity, now);
            tokens = Math.Min(capacity, tokens + (Stopwatch.GetElapsedTime(at, now).TotalSeconds * _settings.TenantLimit));
            if (tokens < 1)
            {
                _tenants[tenant] = (tokens, now);
                return Math.Max(1, (int)Math.Ceiling((1 - tokens) / _settings.TenantLimit));
            }
            if (!_conversations.TryGetValue(conversationId, out var recent))
            {
                recent = new Queue<long>();
                _conversations[conversationId] = recent;
            }
            while (recent.Count > 0 && Stopwatch.GetElapsedTime(recent.Peek(), now) >= TimeSpan.FromHours(1))
            {
                recent.Dequeue();
            }
            foreach (var (window, most) in ConversationWindows)
            {
                var inWindow = recent.Where(at => Stopwatch.GetElapsedTime(at, now) < window).ToList();
                if (inWindow.Count >= most)
                {
                    // Until the message that makes the window full leaves it.
                    _tenants[tenant] = (tokens, now);
                    var frees = window - Stopwatch.GetElapsedTime(inWindow[inWindow.Count - most], now);
                    return Math.Max(1, (int)Math.Ceiling(frees.TotalSeconds));
                }
            }
            recent.Enqueue(now);
            _tenants[tenant] = (tokens - 1, now);
            var second = (int)Stopwatch.GetElapsedTime(_started, now).TotalSeconds;
            if (second < _admittedPerSecond.Length)
            {
                _admittedPerSecond[second]++;
            }
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
