using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace TeamsEngage.Testing.Playground;

/// <summary>
/// A running Microsoft 365 Agents Playground (the local Teams emulator) pointed at a bot endpoint,
/// driven through its internal HTTP routes and its conversation WebSocket, all on 127.0.0.1.
/// </summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int PortAttempts = 3;

    private readonly PlaygroundProcess process;
    private readonly PlaygroundMessageStream stream;
    private readonly HttpClient http;
    private readonly string workingDirectory;
    private int disposed;

    private PlaygroundSession(PlaygroundProcess process, PlaygroundMessageStream stream, HttpClient http, string workingDirectory, int port, PlaygroundConfig config, TimeSpan startDuration)
    {
        this.process = process;
        this.stream = stream;
        this.http = http;
        this.workingDirectory = workingDirectory;
        Port = port;
        Config = config;
        StartDuration = startDuration;
    }

    /// <summary>The Playground's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The PID of the node process.</summary>
    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The temp folder the Playground runs in (config file, log); deleted on dispose.</summary>
    public string WorkingDirectory => workingDirectory;

    /// <summary>The base address of the Playground, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>The serviceUrl the Playground puts on every activity (its mock Bot Connector).</summary>
    public Uri ConnectorUrl => new(BaseAddress, "_connector");

    public PlaygroundConfig Config { get; }

    /// <summary>How long <see cref="StartAsync"/> took, from spawning node to an open WebSocket.</summary>
    public TimeSpan StartDuration { get; }

    /// <summary>Every frame pushed on the conversation stream so far, in order.</summary>
    public IReadOnlyList<PlaygroundMessage> Messages => stream.Snapshot();

    /// <summary>Starts the Playground against <paramref name="botEndpoint"/> (e.g. http://127.0.0.1:5000/api/messages).</summary>
    public static async Task<PlaygroundSession> StartAsync(Uri botEndpoint, PlaygroundUsers? users = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(botEndpoint);
        users ??= PlaygroundUsers.Default;
        PlaygroundConfigFile.Validate(users);
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("playground-").FullName;
            PlaygroundProcess? started = null;
            HttpClient? http = null;
            PlaygroundMessageStream? stream = null;
            try
            {
                var configPath = PlaygroundConfigFile.Write(folder, users);
                var port = FreeLoopbackPort();
                started = PlaygroundProcess.Start(folder, configPath, botEndpoint, port);
                var actualPort = await WaitUntilListeningAsync(started, ct);
                if (actualPort != port && attempt < PortAttempts)
                {
                    // Another process took the port between our probe and node's listen; the
                    // Playground then picks a random port, which no longer matches --service-url.
                    DisposeQuietly(started, folder);
                    continue;
                }
                if (actualPort != port)
                {
                    throw new InvalidOperationException("The Playground listened on " + actualPort + " instead of " + port + ".");
                }

                http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
                {
                    BaseAddress = new Uri("http://127.0.0.1:" + port + "/"),
                    Timeout = TimeSpan.FromSeconds(30),
                };
                await WaitForPingAsync(http, started, ct);
                var config = PlaygroundConfig.Parse(await GetJsonAsync(http, "_internal/v1/testConfig", ct));
                stream = new PlaygroundMessageStream();
                await stream.ConnectAsync(new Uri("ws://127.0.0.1:" + port + "/_ws_conversation/v1/conversations/stream"), ct);
                return new PlaygroundSession(started, stream, http, folder, port, config, clock.Elapsed);
            }
            catch (Exception e)
            {
                var diagnostics = started?.Diagnostics() ?? "(node was not started)";
                if (stream is not null)
                {
                    await stream.DisposeAsync();
                }
                http?.Dispose();
                DisposeQuietly(started, folder);
                if (e is OperationCanceledException && ct.IsCancellationRequested)
                {
                    throw;
                }
                throw new InvalidOperationException(
                    "The Agents Playground did not start: " + e.Message + Environment.NewLine + diagnostics, e);
            }
        }
    }

    /// <summary>Installs the app in the personal chat: the bot receives installationUpdate (add) and conversationUpdate (membersAdded).</summary>
    public Task InstallAsync(CancellationToken ct = default) => InstallAsync(Config.PersonalChatId, ct);

    /// <summary>Installs the app in the given chat, team or channel conversation.</summary>
    public async Task InstallAsync(string conversationId, CancellationToken ct = default)
    {
        await PostAsync("_debug/conversation/" + Uri.EscapeDataString(conversationId) + "/installation", new JsonObject(), ct);
    }

    /// <summary>Sends a plain-text user message to the personal chat (or <paramref name="conversationId"/>); returns the Playground's message id.</summary>
    public async Task<string> SendTextAsync(string text, string? userId = null, string? conversationId = null, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = userId ?? Config.CurrentUserId },
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        var response = await PostAsync("_conversation/v1/conversations/" + Uri.EscapeDataString(conversationId ?? Config.PersonalChatId) + "/messages", body, ct);
        return response?["messageId"]?.GetValue<string>()
            ?? throw new InvalidOperationException("The Playground did not return a message id.");
    }

    /// <summary>Clicks an Action.Submit on the card in message <paramref name="replyToId"/>: the bot receives a message with this value.</summary>
    public async Task SubmitAsync(JsonNode value, string replyToId, string? userId = null, string? conversationId = null, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId ?? Config.PersonalChatId },
            ["from"] = new JsonObject { ["id"] = userId ?? Config.CurrentUserId },
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        };
        await PostAsync("_conversation/v1/submit", body, ct);
    }

    /// <summary>
    /// Clicks an Action.Execute on the card in message <paramref name="replyToId"/>: the bot receives an
    /// adaptiveCard/action invoke. Returns what the Playground relays of the bot's invoke response: <c>{type, value}</c>.
    /// </summary>
    public async Task<JsonNode> InvokeAsync(string verb, JsonNode data, string replyToId, string? userId = null, string? conversationId = null, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                ["trigger"] = "manual",
            },
            ["from"] = new JsonObject { ["id"] = userId ?? Config.CurrentUserId },
            ["conversation"] = new JsonObject { ["id"] = conversationId ?? Config.PersonalChatId },
            ["replyToId"] = replyToId,
        };
        return await PostAsync("_conversation/v1/invoke", body, ct)
            ?? throw new InvalidOperationException("The Playground returned an empty invoke response.");
    }

    /// <summary>Sends any raw activity to the bot through the Playground (POST /_internal/v1/customActivities).</summary>
    public async Task SendCustomActivityAsync(JsonObject activity, CancellationToken ct = default)
    {
        await PostAsync("_internal/v1/customActivities", activity, ct);
    }

    /// <summary>
    /// Waits for a bot message (createMessage or updateMessage) whose message object matches, looking at
    /// everything pushed since the session started (or since <paramref name="fromIndex"/>, a past <c>Messages.Count</c>).
    /// </summary>
    public async Task<PlaygroundMessage> WaitForMessageAsync(Func<JsonNode, bool> predicate, TimeSpan timeout, int fromIndex = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var found = await stream.WaitAsync(
            m => m.IsCreateOrUpdate && m.Message is not null && m.FromId == Config.BotId && predicate(m.Message),
            fromIndex,
            timeout,
            ct);
        if (found is not null)
        {
            return found;
        }
        var seen = string.Join(Environment.NewLine, Messages.Select(m => "  " + m));
        var fault = stream.Fault is null ? "" : Environment.NewLine + "The WebSocket failed: " + stream.Fault.Message;
        throw new TimeoutException(
            "No matching bot message within " + timeout + ". Pushed so far:" + Environment.NewLine + seen + fault
            + Environment.NewLine + process.Diagnostics());
    }

    /// <summary>Waits for a bot message whose text contains <paramref name="text"/>.</summary>
    public Task<PlaygroundMessage> WaitForTextAsync(string text, TimeSpan timeout, int fromIndex = 0, CancellationToken ct = default) =>
        WaitForMessageAsync(m => m["text"]?.GetValue<string>()?.Contains(text, StringComparison.Ordinal) == true, timeout, fromIndex, ct);

    /// <summary>Waits for a bot message carrying an Adaptive Card that matches.</summary>
    public Task<PlaygroundMessage> WaitForCardAsync(Func<JsonNode, bool> cardPredicate, TimeSpan timeout, int fromIndex = 0, CancellationToken ct = default) =>
        WaitForMessageAsync(
            m => m["attachments"] is JsonArray attachments && attachments.Any(a =>
                a?["contentType"]?.GetValue<string>() == PlaygroundMessage.AdaptiveCardContentType
                && a["content"] is { } card && cardPredicate(card)),
            timeout,
            fromIndex,
            ct);

    /// <summary>What the Playground printed and logged so far, for assertion messages.</summary>
    public string Diagnostics() => process.Diagnostics();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await stream.DisposeAsync();
        http.Dispose();
        DisposeQuietly(process, workingDirectory);
    }

    private async Task<JsonNode?> PostAsync(string path, JsonNode body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                "POST /" + path + " answered " + (int)response.StatusCode + ": " + text, null, response.StatusCode);
        }
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, string path, CancellationToken ct)
    {
        var node = await http.GetFromJsonAsync<JsonNode>(path, ct);
        return node ?? throw new InvalidOperationException("GET /" + path + " returned nothing.");
    }

    private static async Task<int> WaitUntilListeningAsync(PlaygroundProcess process, CancellationToken ct)
    {
        try
        {
            return await process.Listening.WaitAsync(StartTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The Playground did not report a listening port within " + StartTimeout + ".");
        }
    }

    private static async Task WaitForPingAsync(HttpClient http, PlaygroundProcess process, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("_debug/ping", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!process.HasExited && deadline.Elapsed < StartTimeout)
            {
            }
            if (process.HasExited || deadline.Elapsed >= StartTimeout)
            {
                throw new TimeoutException(process.HasExited
                    ? "The Playground exited (a config it rejects ends it right after it starts listening)."
                    : "The Playground did not answer GET /_debug/ping.");
            }
            await Task.Delay(100, ct);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void DisposeQuietly(PlaygroundProcess? process, string folder)
    {
        process?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS temp cleaner gets it.
        }
    }
}
