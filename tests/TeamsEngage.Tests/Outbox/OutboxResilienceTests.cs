using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox;

public sealed class OutboxResilienceTests
{
    [Fact]
    public async Task ABroadcastInterruptedByAStopResumesOnTheNextStartWithoutLosingAnyone()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        // 100 a second: the stop lands well before the 200th send even when the machine is slow to stop the host.
        var settings = new Dictionary<string, string?> { ["TeamsEngage:Outbox:RequestsPerSecond"] = "100", ["TeamsEngage:Outbox:MaxConcurrency"] = "16" };
        var people = OutboxPeople.Many(200);
        var first = OutboxHost.Start(data.Path, settings);
        await first.KnowAsync(connector, people);
        await first.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-crash", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        await connector.WaitForAsync(r => r.Route == ConnectorRoute.Send, 60);

        await first.DisposeAsync();
        var beforeRestart = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).Count;
        await using var second = OutboxHost.Start(data.Path, settings);
        var records = await second.WaitUntilSettledAsync("notice-crash");

        Assert.InRange(beforeRestart, 60, 199);
        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var perConversation = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).GroupBy(r => r.ConversationId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(200, perConversation.Count);
        var duplicates = perConversation.Values.Sum(c => c - 1);
        Assert.InRange(duplicates, 0, 16);
        Assert.NotEmpty(second.Renderer.Delivered);
    }

    [Fact]
    public async Task TwoInstancesOnOneStoreShareABroadcastAndNeverSendARowTwice()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        var settings = new Dictionary<string, string?> { ["TeamsEngage:Outbox:MaxShardsPerInstance"] = "4", ["TeamsEngage:Outbox:RequestsPerSecond"] = "400" };
        var people = OutboxPeople.Many(300);
        await using var one = OutboxHost.Start(data.Path, settings);
        await using var two = OutboxHost.Start(data.Path, settings);
        await one.KnowAsync(connector, people);

        await one.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-two", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var records = await two.WaitUntilSettledAsync("notice-two");

        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        await Task.Delay(300);
        var sends = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send);
        Assert.Equal(300, sends.Count);
        Assert.Equal(300, sends.Select(r => r.ConversationId).Distinct().Count());
        Assert.NotEmpty(one.Renderer.Delivered);
        Assert.NotEmpty(two.Renderer.Delivered);
        Assert.Equal(300, one.Renderer.Delivered.Count + two.Renderer.Delivered.Count);
    }

    [Fact]
    public async Task RowsWrittenWhileTheirShardIsBeingSentAreNotLeftBehind()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, new Dictionary<string, string?> { ["TeamsEngage:Outbox:ShardsPerBroadcast"] = "1" });
        var people = OutboxPeople.Many(250);
        await host.KnowAsync(connector, people);

        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-slow", TestRenderer.KindName, "x"), Slowly(people.Select(p => OutboxPeople.Recipient(p))));
        var records = await host.WaitUntilSettledAsync("notice-slow");

        Assert.Equal(250, records.Count(r => r.Status == DeliveryStatus.Sent));
        Assert.Equal(250, connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).Select(r => r.ConversationId).Distinct().Count());
    }

    private static async IAsyncEnumerable<TeamsEngage.Outbox.BroadcastRecipient> Slowly(IEnumerable<TeamsEngage.Outbox.BroadcastRecipient> recipients)
    {
        var count = 0;
        foreach (var recipient in recipients)
        {
            // Pauses after each batch, so the dispatcher sends the first rows and reaches the end of the shard before the rest exists.
            if (++count % 100 == 0)
            {
                await Task.Delay(700);
            }
            yield return recipient;
        }
    }

    [Fact]
    public async Task AnOutboxWhoseStoreCannotBeReachedAtStartupSendsOnceTheStoreIsBack()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        var outage = new Outage();
        await using var host = OutboxHost.Start(data.Path, services: s => WrappedTableStore.Around(s, t => t.Name == OutboxKeys.WorkTable ? new WorkTableInOutage(t, outage) : t));
        var people = OutboxPeople.Many(1);
        await host.KnowAsync(connector, people);
        await TeamsEngage.Testing.Waiting.Eventually.TrueAsync(() => outage.Refused >= 1, "the outbox tried the store while it was down");

        outage.End();
        await host.Outbox.EnqueueAsync(OutboxMessage.Create(people[0].UserId, TestRenderer.KindName, "x", OutboxPriority.Normal));

        await connector.WaitForActivitiesAsync(people[0].ConversationId);
    }

    /// <summary>A store that cannot be reached until <see cref="End"/>.</summary>
    private sealed class Outage
    {
        private int _refused;
        private volatile bool _over;

        public int Refused => Volatile.Read(ref _refused);

        public void End() => _over = true;

        public void Check()
        {
            if (!_over)
            {
                Interlocked.Increment(ref _refused);
                throw new HttpRequestException("The store cannot be reached.");
            }
        }
    }

    private sealed class WorkTableInOutage(TeamsEngage.Storage.IStoreTable inner, Outage outage) : StoreTableDecorator(inner)
    {
        public override Task<TeamsEngage.Storage.StoreEntity> InsertAsync(TeamsEngage.Storage.StoreEntity entity, CancellationToken cancellationToken = default)
        {
            outage.Check();
            return base.InsertAsync(entity, cancellationToken);
        }

        public override Task<TeamsEngage.Storage.StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            outage.Check();
            return base.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
        }
    }
}
