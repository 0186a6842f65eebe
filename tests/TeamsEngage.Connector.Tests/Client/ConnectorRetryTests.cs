using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Net.Sockets;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Testing.Connector;

namespace TeamsEngage.Connector.Tests.Client;

public sealed class ConnectorRetryTests
{
    private const string Conversation = "a:1personal";

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Notice" };

    [Fact]
    public async Task ThrottledSendWaitsTheRetryAfterSecondsThenSucceeds()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"));
        var clock = Stopwatch.StartNew();

        var response = await harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message());

        clock.Stop();
        Assert.NotNull(response.Id);
        Assert.Equal([429, 201], harness.Stub.Requests.Select(r => r.ResponseStatus));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(4));
        var gap = harness.Stub.Requests[1].ReceivedAt - harness.Stub.Requests[0].ReceivedAt;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), "second attempt came after " + gap);
    }

    [Fact]
    public async Task RetryAfterGivenAsAnHttpDateIsWaitedUntilThatTime()
    {
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var time = new RecordingTimeProvider(scale: 0.01, fixedNow: now);
        await using var harness = await ConnectorHarness.StartAsync(time: time);
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.ThrottledUntil(now.AddSeconds(7)));

        await harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message());

        Assert.Equal(2, harness.Stub.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], time.Delays);
    }

    [Fact]
    public async Task RetryAfterSecondsAreWaitedExactlyWithoutJitter()
    {
        var time = new RecordingTimeProvider();
        await using var harness = await ConnectorHarness.StartAsync(time: time);
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Throttled("3"));
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Throttled("5"));

        await harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message());

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)], time.Delays);
        Assert.Equal(3, harness.Stub.Requests.Count);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheMaximumFailsAtOnceCarryingRetryAfter()
    {
        var time = new RecordingTimeProvider();
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?> { ["MaxRetryAfter"] = "00:01:00" }, time: time);
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Throttled("120"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.True(error.IsTransient);
        Assert.Single(harness.Stub.Requests);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheAttemptsFailsCarryingRetryAfter()
    {
        var time = new RecordingTimeProvider();
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?> { ["MaxAttempts"] = "2" }, time: time);
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 10);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(2, harness.Stub.Requests.Count);
    }

    [Fact]
    public async Task WithOneAttemptThrottlingIsLeftToTheCaller()
    {
        var time = new RecordingTimeProvider();
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?> { ["MaxAttempts"] = "1" }, time: time);
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Throttled("2"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message()));

        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.Single(harness.Stub.Requests);
        Assert.Empty(time.Delays);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ATransientStatusIsRetriedThenSucceeds(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Status(status));

        var response = await harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message());

        Assert.NotNull(response.Id);
        Assert.Equal([status, 201], harness.Stub.Requests.Select(r => r.ResponseStatus));
        Assert.Single(harness.Stub.SentActivities);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(405)]
    public async Task AClientErrorFailsAtOnceWithoutRetry(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Status(status), times: 5);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message()));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(harness.Stub.Requests);
    }

    [Fact]
    public async Task ABlockedBotGetsMessageWritesBlockedWithoutRetry()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.CreateConversation, StubReply.MessageWritesBlocked(), times: 5);
        var parameters = new ConversationParameters { Bot = new ChannelAccount { Id = "28:bot" }, Members = [new ChannelAccount { Id = "29:1" }] };

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.CreateConversationAsync(harness.Stub.BaseUrl, parameters));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(ConnectorErrorCodes.MessageWritesBlocked, error.ErrorCode);
        Assert.True(error.IsBlocked);
        Assert.False(error.IsTransient);
        Assert.Single(harness.Stub.Requests);
    }

    [Fact]
    public async Task AttemptsAreBoundedByMaxAttempts()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?> { ["MaxAttempts"] = "3" });
        harness.Stub.Enqueue(ConnectorRoute.Update, StubReply.Status(503), times: 10);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.UpdateAsync(harness.Stub.BaseUrl, Conversation, "1700000000001", Message()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, harness.Stub.Requests.Count);
    }

    [Fact]
    public async Task DefaultPolicyMakesFourAttempts()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Status(502), times: 10);

        await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message()));

        Assert.Equal(4, harness.Stub.Requests.Count);
    }

    [Fact]
    public async Task BackoffWithoutRetryAfterStaysUnderTheExponentialCeiling()
    {
        var time = new RecordingTimeProvider(scale: 0.001);
        var settings = new Dictionary<string, string?> { ["BaseDelay"] = "00:00:01", ["MaxDelay"] = "00:00:03", ["MaxAttempts"] = "5" };
        await using var harness = await ConnectorHarness.StartAsync(settings, time: time);
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Throttled(), times: 4);

        await harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message());

        Assert.Equal(5, harness.Stub.Requests.Count);
        var delays = RetryDelays(harness);
        Assert.Equal(4, delays.Count);
        var ceilings = new[] { 1.0, 2.0, 3.0, 3.0 };
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, 0, ceilings[i]);
        }
    }

    [Fact]
    public async Task ADroppedConnectionIsRetried()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.DropConnection());

        var response = await harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message());

        Assert.NotNull(response.Id);
        Assert.Equal([0, 201], harness.Stub.Requests.Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task ARefusedConnectionIsRetriedThenFailsWithoutStatus()
    {
        var time = new RecordingTimeProvider(scale: 0.001);
        var settings = new Dictionary<string, string?> { ["BaseDelay"] = "00:00:01", ["MaxDelay"] = "00:00:30", ["MaxAttempts"] = "3" };
        await using var harness = await ConnectorHarness.StartAsync(settings, time: time);
        using var reserved = BoundButNotListening();
        var closed = "http://127.0.0.1:" + ((IPEndPoint)reserved.LocalEndPoint!).Port + "/amer/";
        Assert.True(harness.Trust.Trust(closed));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(closed, Conversation, Message()));

        Assert.Null(error.StatusCode);
        Assert.Equal(ConnectorErrorCodes.NetworkError, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, RetryDelays(harness).Count);
    }

    // Read from the retry pipeline's log: the clock skips recording waits under a millisecond, which full jitter can pick.
    private static List<TimeSpan> RetryDelays(ConnectorHarness harness) => [.. harness.Logs.Entries
        .Where(e => e.Category.EndsWith(nameof(ConnectorResilience), StringComparison.Ordinal) && e.Values.ContainsKey("Delay"))
        .Select(e => (TimeSpan)e.Values["Delay"]!)];

    // A bound socket that never listens refuses connections, and keeps the port from going to a parallel test's server.
    private static Socket BoundButNotListening()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
