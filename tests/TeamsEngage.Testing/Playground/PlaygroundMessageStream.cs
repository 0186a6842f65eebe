using System.Net.WebSockets;
using System.Text;

namespace TeamsEngage.Testing.Playground;

/// <summary>
/// The client side of ws://127.0.0.1:port/_ws_conversation/v1/conversations/stream: keeps every
/// frame the Playground pushes, in order, and lets callers wait for one that matches.
/// </summary>
internal sealed class PlaygroundMessageStream : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<PlaygroundMessage> messages = [];
    private TaskCompletionSource changed = NewSignal();
    private Task receiving = Task.CompletedTask;

    /// <summary>Why the receive loop ended early, if it did.</summary>
    public Exception? Fault { get; private set; }

    public IReadOnlyList<PlaygroundMessage> Snapshot()
    {
        lock (messages)
        {
            return messages.ToArray();
        }
    }

    public async Task ConnectAsync(Uri uri, CancellationToken ct)
    {
        socket.Options.Proxy = null;
        await socket.ConnectAsync(uri, ct);
        receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
    }

    /// <summary>Waits for the first frame at or after <paramref name="fromIndex"/> that matches.</summary>
    public async Task<PlaygroundMessage?> WaitAsync(Func<PlaygroundMessage, bool> match, int fromIndex, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var next = fromIndex;
        while (true)
        {
            Task signal;
            lock (messages)
            {
                for (; next < messages.Count; next++)
                {
                    if (match(messages[next]))
                    {
                        return messages[next];
                    }
                }
                signal = changed.Task;
            }
            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test finished", closing.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The Playground may already be gone; the socket is aborted below either way.
        }
        await stop.CancelAsync();
        socket.Abort();
        try
        {
            await receiving;
        }
        catch (OperationCanceledException)
        {
        }
        socket.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                frame.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    Add(PlaygroundMessage.Parse(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length)));
                    frame.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or FormatException or System.Text.Json.JsonException)
        {
            if (!stop.IsCancellationRequested)
            {
                Fault = e;
            }
        }
        finally
        {
            Signal();
        }
    }

    private void Add(PlaygroundMessage message)
    {
        lock (messages)
        {
            messages.Add(message);
        }
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (messages)
        {
            previous = changed;
            changed = NewSignal();
        }
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
