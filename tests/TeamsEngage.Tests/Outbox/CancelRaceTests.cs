using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox;

/// <summary>
/// A cancel that meets the dispatcher writing the same row (a send that got a 429 records its attempt) still cancels
/// it: the row was pending before that write and is pending after it.
/// </summary>
public sealed class CancelRaceTests
{
    [Fact]
    public async Task ARowRewrittenWhileBeingCancelledIsStillCancelledAndCounted()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        // Teams holds every send back for a long while: nothing is delivered while the cancel runs.
        connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("60"), times: 100);
        var racing = new RaceOnCancel();
        await using var host = OutboxHost.Start(data.Path, services: racing.Around);
        var people = OutboxPeople.Many(5);
        await host.KnowAsync(connector, people);
        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-race", TestRenderer.KindName, "Drill"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        await connector.WaitForAsync(r => r.Route == ConnectorRoute.Send);

        var cancelled = await host.Outbox.CancelPendingAsync("notice-race");

        Assert.Equal(5, racing.Raced);
        Assert.Equal(5, cancelled);
        var records = await host.Outbox.ReadDeliveriesAsync("notice-race").ToListAsync();
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(DeliveryStatus.Cancelled, r.Status));
    }

    /// <summary>
    /// Wraps the store so that the first attempt to mark each broadcast row cancelled meets another writer's change of
    /// that row, made just before with the same ETag, as the dispatcher's record of an attempt would be.
    /// </summary>
    private sealed class RaceOnCancel
    {
        private readonly HashSet<string> _raced = [];

        public int Raced
        {
            get
            {
                lock (_raced)
                {
                    return _raced.Count;
                }
            }
        }

        public void Around(IServiceCollection services) =>
            WrappedTableStore.Around(services, table => table.Name == OutboxKeys.RowsTable ? new Rows(this, table) : table);

        private bool FirstTime(StoreEntity entity)
        {
            lock (_raced)
            {
                return _raced.Add(entity.PartitionKey + "/" + entity.RowKey);
            }
        }

        private sealed class Rows(RaceOnCancel race, IStoreTable inner) : StoreTableDecorator(inner)
        {
            public override async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
            {
                if (entity.GetString("Status") == nameof(DeliveryStatus.Cancelled) && race.FirstTime(entity))
                {
                    var current = (await Inner.GetAsync(entity.PartitionKey, entity.RowKey, cancellationToken))!;
                    await Inner.UpdateAsync(current with { Properties = new Dictionary<string, object?>(current.Properties) { ["RaceMark"] = 1 } }, cancellationToken);
                }
                return await Inner.UpdateAsync(entity, cancellationToken);
            }
        }
    }
}
