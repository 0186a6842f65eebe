using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox;

public sealed class OutboxFailureTests
{
    [Fact]
    public async Task A429PausesSendingForExactlyTheRetryAfterAndTheRestContinues()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, new Dictionary<string, string?> { ["TeamsEngage:Outbox:MaxConcurrency"] = "1" });
        var people = OutboxPeople.Many(12);
        await host.KnowAsync(connector, people);
        // Three seconds, so that pausing a half longer (4.5 s) or not at all falls far outside the scheduling noise.
        connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("3"));

        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-429", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var records = await host.WaitUntilSettledAsync("notice-429");

        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var sends = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send);
        Assert.Equal(13, sends.Count);
        var throttled = Assert.Single(sends, r => r.ResponseStatus == 429);
        var next = sends.First(r => r.ReceivedAt > throttled.ReceivedAt);
        var gap = next.ReceivedAt - throttled.ReceivedAt;
        // Never sooner than asked (the stub records both requests on its own clock); late by scheduling only.
        Assert.InRange(gap.TotalMilliseconds, 2950, 3600);
        Assert.Equal(throttled.ConversationId, next.ConversationId);
        Assert.Equal(12, sends.Where(r => r.Succeeded).Select(r => r.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task ServerErrorsAndDroppedConnectionsAreRetriedUntilSent()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        var people = OutboxPeople.Many(10);
        await host.KnowAsync(connector, people);
        connector.Enqueue(ConnectorRoute.Send, StubReply.Status(503), times: 2, conversationId: people[3].ConversationId);
        connector.Enqueue(ConnectorRoute.Send, StubReply.Status(500), conversationId: people[5].ConversationId);
        connector.Enqueue(ConnectorRoute.Send, new StubReply(0), conversationId: people[7].ConversationId);

        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-5xx", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var records = await host.WaitUntilSettledAsync("notice-5xx");

        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(3, connector.RequestsWhere(r => r.ConversationId == people[3].ConversationId).Count);
        Assert.Equal(2, connector.RequestsWhere(r => r.ConversationId == people[5].ConversationId).Count);
        Assert.Equal(2, connector.RequestsWhere(r => r.ConversationId == people[7].ConversationId).Count);
        Assert.Equal(10, connector.RequestsWhere(r => r.Succeeded).Count);
    }

    [Fact]
    public async Task BlockedGoneAndPersistentlyFailingRecipientsAreRecordedWithTheirReason()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, new Dictionary<string, string?> { ["TeamsEngage:Outbox:MaxAttempts"] = "3" });
        var people = OutboxPeople.Many(8);
        await host.KnowAsync(connector, people);
        connector.Enqueue(ConnectorRoute.Send, StubReply.MessageWritesBlocked(), times: 10, conversationId: people[1].ConversationId);
        connector.Enqueue(ConnectorRoute.Send, StubReply.Error(404, "ConversationNotFound"), times: 10, conversationId: people[2].ConversationId);
        connector.Enqueue(ConnectorRoute.Send, StubReply.Status(502), times: 10, conversationId: people[4].ConversationId);

        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-fail", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var records = (await host.WaitUntilSettledAsync("notice-fail")).ToDictionary(r => r.UserId!);

        Assert.Equal((DeliveryStatus.Failed, "Blocked"), (records[people[1].UserId].Status, records[people[1].UserId].FailureReason));
        Assert.Equal((DeliveryStatus.Failed, "Gone"), (records[people[2].UserId].Status, records[people[2].UserId].FailureReason));
        Assert.Equal((DeliveryStatus.Failed, "Error"), (records[people[4].UserId].Status, records[people[4].UserId].FailureReason));
        Assert.Single(connector.RequestsWhere(r => r.ConversationId == people[1].ConversationId));
        Assert.Single(connector.RequestsWhere(r => r.ConversationId == people[2].ConversationId));
        Assert.Equal(3, connector.RequestsWhere(r => r.ConversationId == people[4].ConversationId).Count);
        Assert.Equal(5, records.Values.Count(r => r.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task AnInteractiveMessageDoesNotWaitBehindABulkBroadcast()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, new Dictionary<string, string?> { ["TeamsEngage:Outbox:RequestsPerSecond"] = "50" });
        var people = OutboxPeople.Many(200);
        await host.KnowAsync(connector, people.Append(Tests.Support.Persona.Ana));
        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-big", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        await connector.WaitForAsync(r => r.Route == ConnectorRoute.Send, 10);

        var enqueuedAt = DateTimeOffset.UtcNow;
        await host.Outbox.EnqueueAsync(new OutboxMessage(Tests.Support.Persona.Ana.UserId, TestRenderer.KindName, "reply", OutboxPriority.Interactive));
        var reply = Assert.Single(await connector.WaitForAsync(r => r.ConversationId == Tests.Support.Persona.Ana.ConversationId));

        Assert.InRange((reply.ReceivedAt - enqueuedAt).TotalMilliseconds, 0, 1000);
        var bulkBefore = connector.RequestsWhere(r => r.ReceivedAt < reply.ReceivedAt && r.ConversationId != Tests.Support.Persona.Ana.ConversationId).Count;
        Assert.InRange(bulkBefore, 10, 100);
        await host.Outbox.CancelPendingAsync("notice-big");
    }

    [Fact]
    public async Task AMessageWaitingToRetryDoesNotHoldUpTheMessagesQueuedAfterIt()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, new Dictionary<string, string?>
        {
            ["TeamsEngage:Outbox:RetryBaseDelay"] = "00:00:06",
            ["TeamsEngage:Outbox:RetryMaxDelay"] = "00:00:06",
        });
        var (ana, ben) = (Tests.Support.Persona.Ana, Tests.Support.Persona.Ben);
        await host.KnowAsync(connector, [ana, ben]);
        connector.Enqueue(ConnectorRoute.Send, StubReply.Status(503), conversationId: ana.ConversationId);
        await host.Outbox.EnqueueAsync(new OutboxMessage(ana.UserId, TestRenderer.KindName, "to Ana", OutboxPriority.Interactive));
        var failed = Assert.Single(await connector.WaitForAsync(r => r.ConversationId == ana.ConversationId));

        await host.Outbox.EnqueueAsync(new OutboxMessage(ben.UserId, TestRenderer.KindName, "to Ben", OutboxPriority.Interactive));
        var toBen = Assert.Single(await connector.WaitForAsync(r => r.ConversationId == ben.ConversationId && r.Succeeded));
        var retried = Assert.Single(await connector.WaitForAsync(r => r.ConversationId == ana.ConversationId && r.Succeeded, timeout: TimeSpan.FromSeconds(15)));

        // Ana's message waits six seconds to retry; Ben's, queued behind it, goes at once and not when Ana's settles.
        Assert.InRange((toBen.ReceivedAt - failed.ReceivedAt).TotalSeconds, 0, 2);
        Assert.True(retried.ReceivedAt > toBen.ReceivedAt);
    }
}
