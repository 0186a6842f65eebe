using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Testing.Connector;

/// <summary>
/// A Bot Connector on a real Kestrel server at http://127.0.0.1 (ephemeral port). It serves the v3 routes under any
/// path prefix (so <c>{BaseUrl}amer/</c> works as a regional serviceUrl), records every request, answers like the
/// connector does, and can be scripted to fail chosen requests. Start with <see cref="StartAsync"/>; dispose to stop.
/// </summary>
public sealed partial class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<ScriptEntry> _script = [];
    private readonly Dictionary<string, List<TeamsChannelAccount>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _nextMessageId = 1_700_000_000_000;

    private ConnectorStub(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The stub's root URL with a trailing slash, usable as a serviceUrl.</summary>
    public string BaseUrl { get; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The activities of every successful send and reply, in arrival order.</summary>
    public IReadOnlyList<Activity> SentActivities => [.. Requests
        .Where(r => r.Route is ConnectorRoute.Send or ConnectorRoute.Reply && r.Succeeded)
        .Select(r => r.ReadActivity()!)];

    /// <summary>
    /// Serves <paramref name="content"/> at <paramref name="path"/> (e.g. <c>files/calendar.ics</c>) over http on
    /// 127.0.0.1, as the pre-authorised download link Teams gives for a file sent to a bot; returns the link.
    /// </summary>
    public Uri ServeFile(string path, byte[] content)
    {
        lock (_gate)
        {
            _files["/" + path.TrimStart('/')] = content;
        }
        return new Uri(BaseUrl + path.TrimStart('/'));
    }

    /// <summary>Starts a stub on 127.0.0.1 with an ephemeral port.</summary>
    public static async Task<ConnectorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        ConnectorStub? stub = null;
        app.Run(context => stub!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        stub = new ConnectorStub(app, address.TrimEnd('/') + "/");
        return stub;
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> requests of <paramref name="route"/> (optionally only those about one
    /// conversation) answer <paramref name="reply"/> instead of succeeding. Scripts are used in the order given.
    /// </summary>
    public void Enqueue(ConnectorRoute route, StubReply reply, int times = 1, string? conversationId = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        lock (_gate)
        {
            _script.Add(new ScriptEntry(route, conversationId, reply) { Remaining = times });
        }
    }

    /// <summary>Forgets the scripted replies not used yet: from now on every request gets the default reply.</summary>
    public void ClearScript()
    {
        lock (_gate)
        {
            _script.Clear();
        }
    }

    /// <summary>Sets the roster of a conversation (or team) for the member routes.</summary>
    public void SetMembers(string conversationId, params TeamsChannelAccount[] members)
    {
        lock (_gate)
        {
            _members[conversationId] = [.. members];
        }
    }

    /// <summary>Forgets the requests recorded so far (scripts and rosters stay).</summary>
    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Requests that match <paramref name="predicate"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsWhere(Func<RecordedRequest, bool> predicate) => [.. Requests.Where(predicate)];

    /// <summary>
    /// Waits until at least <paramref name="count"/> requests match, and returns them. Throws <see cref="TimeoutException"/>
    /// naming what did arrive when they do not within <paramref name="timeout"/> (default 10 s).
    /// </summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var matches = _requests.Where(predicate).ToList();
                if (matches.Count >= count)
                {
                    return matches;
                }
                changed = _changed.Task;
            }
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                var seen = string.Join(", ", Requests.Select(r => r.Method + " " + r.RawPath + " -> " + r.ResponseStatus.ToString(CultureInfo.InvariantCulture)));
                throw new TimeoutException("Expected " + count.ToString(CultureInfo.InvariantCulture) + " matching connector requests; received: [" + seen + "]");
            }
            await Task.WhenAny(changed, Task.Delay(remaining)).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for <paramref name="count"/> successful sends or replies to a conversation and returns their activities.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForActivitiesAsync(string conversationId, int count = 1, TimeSpan? timeout = null)
    {
        var requests = await WaitForAsync(
            r => r.Route is ConnectorRoute.Send or ConnectorRoute.Reply && r.Succeeded && r.ConversationId == conversationId,
            count,
            timeout).ConfigureAwait(false);
        return [.. requests.Select(r => r.ReadActivity()!)];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context)
    {
        if (await TryServeFileAsync(context).ConfigureAwait(false))
        {
            return;
        }
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var target = ParsedTarget.Parse(context.Request.Method, rawTarget);
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        StubReply reply;
        lock (_gate)
        {
            reply = TakeScripted(target) ?? Answer(target, body);
            _requests.Add(new RecordedRequest(
                target.Route, context.Request.Method, rawTarget, target.Path, target.ConversationId, target.ActivityId, target.MemberId,
                target.Query, HeaderOrNull(context, "Authorization"), HeaderOrNull(context, "User-Agent"), body, reply.StatusCode, DateTimeOffset.UtcNow));
            var changed = _changed;
            _changed = NewSignal();
            changed.TrySetResult();
        }
        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    private async Task<bool> TryServeFileAsync(HttpContext context)
    {
        byte[]? content;
        var path = context.Request.Path.ToString();
        lock (_gate)
        {
            if (!HttpMethods.IsGet(context.Request.Method) || !_files.TryGetValue(path, out content))
            {
                return false;
            }
            _requests.Add(new RecordedRequest(
                ConnectorRoute.File, context.Request.Method, path, path, null, null, null, new Dictionary<string, string>(),
                HeaderOrNull(context, "Authorization"), HeaderOrNull(context, "User-Agent"), string.Empty, 200, DateTimeOffset.UtcNow));
            var changed = _changed;
            _changed = NewSignal();
            changed.TrySetResult();
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/calendar";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content).ConfigureAwait(false);
        return true;
    }

    private static string? HeaderOrNull(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    private StubReply? TakeScripted(ParsedTarget target)
    {
        var entry = _script.FirstOrDefault(e => e.Remaining > 0 && e.Route == target.Route
            && (e.ConversationId is null || e.ConversationId == target.ConversationId));
        if (entry is null)
        {
            return null;
        }
        entry.Remaining--;
        return entry.Reply;
    }

    private static async Task WriteAsync(HttpContext context, StubReply reply)
    {
        if (reply.StatusCode == 0)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = reply.StatusCode;
        context.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body).ConfigureAwait(false);
        }
    }

    private sealed class ScriptEntry(ConnectorRoute route, string? conversationId, StubReply reply)
    {
        public ConnectorRoute Route { get; } = route;
        public string? ConversationId { get; } = conversationId;
        public StubReply Reply { get; } = reply;
        public int Remaining { get; set; }
    }
}
