using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;

namespace TeamsEngage.Tests.Outbox;

/// <summary>
/// An update (a poll closed, a notice edited) can come while some of the broadcast's messages are on their way: sent
/// with the old content, not yet recorded as sent. Those messages are replaced too.
/// </summary>
public sealed class UpdateInFlightTests
{
    [Fact]
    public async Task AnUpdateMadeWhileMessagesAreOnTheirWayAlsoReplacesThoseMessages()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(
            data.Path,
            services: services => WrappedTableStore.Around(services, table => table.Name == OutboxKeys.RowsTable ? new SlowSentMarks(table) : table));
        var people = OutboxPeople.Many(4);
        await host.KnowAsync(connector, people);
        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("poll-inflight", TestRenderer.KindName, "Open"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        await connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.Succeeded, people.Length);

        await host.Outbox.UpdateDeliveredAsync("poll-inflight", TestRenderer.KindName, "Closed");

        var records = await host.WaitUntilSettledAsync("poll-inflight");
        var updates = await connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, people.Length, TimeSpan.FromSeconds(15));
        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(
            records.Select(r => (r.ConversationId, r.ActivityId)).Order(),
            updates.Select(u => ((string?)u.ConversationId, (string?)u.ActivityId)).Distinct().Order());
        Assert.All(updates, u => Assert.StartsWith("updated: Closed for ", u.ReadActivity()!.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABroadcastIsListedAsHavingMessagesOnTheirWayUntilEveryOneIsRecorded()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(
            data.Path,
            services: services => WrappedTableStore.Around(services, table => table.Name == OutboxKeys.RowsTable ? new SlowSentMarks(table) : table));
        var people = OutboxPeople.Many(3);
        await host.KnowAsync(connector, people);
        var work = host.Services.GetRequiredService<WorkIndex>();
        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-listed", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        await connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.Succeeded, people.Length);

        // Sent and not yet recorded: an update round must wait out the header cache.
        Assert.True(await work.ListsBroadcastAsync("notice-listed", CancellationToken.None));
        await host.WaitUntilSettledAsync("notice-listed");
        // Every row recorded and the shards let go: an update round has nothing on its way to wait for.
        await Eventually.TrueAsync(async () => !await work.ListsBroadcastAsync("notice-listed", CancellationToken.None), "the broadcast's shards to be finished");
        Assert.False(await work.ListsBroadcastAsync("another-broadcast", CancellationToken.None));
    }

    /// <summary>Recording a broadcast message as sent takes a second and a half: the update comes meanwhile.</summary>
    private sealed class SlowSentMarks(IStoreTable inner) : StoreTableDecorator(inner)
    {
        public override async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            if (!OutboxKeys.IsQueue(entity.PartitionKey) && entity.GetString(RowFields.Status) == nameof(DeliveryStatus.Sent) && entity.GetBoolean(RowFields.IsUpdate) is not true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1500), cancellationToken);
            }
            return await Inner.UpdateAsync(entity, cancellationToken);
        }
    }
}
