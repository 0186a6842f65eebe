using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// A broadcast message sent while an update round of its broadcast began gets that round queued for it alone, once it
/// is recorded; one rendered after the round was named gets nothing more; and the message is never sent again for it.
/// </summary>
public sealed class LateUpdatesRulesTests
{
    private const string Kind = "rules.note";
    private const string BroadcastId = "poll-late";
    private const string RoundId = BroadcastId + "~u0638000000000000001";

    [Fact]
    public async Task AMessageSentWhileAnUpdateRoundBeganGetsThatRoundQueuedForItAlone()
    {
        using var world = await WorldAsync();
        var pending = await world.Parts.BroadcastRowAsync(BroadcastId, "29:ana");
        NameTheRoundWhileSending(world);

        var outcome = await world.SendAsync(pending);

        Assert.Null(outcome.RetryAt);
        Assert.Equal(nameof(DeliveryStatus.Sent), (await world.Parts.StoredAsync(pending))!.GetString(RowFields.Status));
        var queued = Assert.Single(await QueuedAsync(world));
        Assert.Equal(
            ("29:ana", "a:conv-ana", "act-ana", Kind, "{\"closed\":true}", true, BroadcastId),
            (queued.GetString(RowFields.UserId), queued.GetString(RowFields.ConversationId), queued.GetString(RowFields.ActivityId), queued.GetString(RowFields.Kind),
                queued.GetString(RowFields.Payload), queued.GetBoolean(RowFields.IsUpdate), queued.GetString(RowFields.ParentBroadcastId)));
        Assert.Equal(OutboxParts.Tenant, queued.GetString(RowFields.TenantId));
    }

    [Fact]
    public async Task AMessageRenderedAfterTheRoundWasNamedGetsNothingMore()
    {
        using var world = await WorldAsync(Original() with { LatestUpdateId = RoundId });
        var pending = await world.Parts.BroadcastRowAsync(BroadcastId, "29:ana");
        world.Connector.Answer = _ =>
        {
            world.Parts.Clock.Advance(BroadcastHeaderCache.MaxAge);
            return Task.FromResult(new ResourceResponse("act-ana"));
        };

        await world.SendAsync(pending);

        Assert.Single(world.Connector.Calls);
        Assert.Empty(await QueuedAsync(world));
    }

    [Fact]
    public async Task AStoreThatCannotQueueTheUpdateLeavesTheMessageSentOnceAndRecorded()
    {
        using var world = await WorldAsync(bend: table => table.Name == OutboxKeys.RowsTable ? new NoQueueInserts(table) : table);
        var pending = await world.Parts.BroadcastRowAsync(BroadcastId, "29:ana");
        NameTheRoundWhileSending(world);

        var outcome = await world.SendAsync(pending);

        Assert.Null(outcome.RetryAt);
        Assert.Single(world.Connector.Calls);
        Assert.Equal(nameof(DeliveryStatus.Sent), (await world.Parts.StoredAsync(pending))!.GetString(RowFields.Status));
        Assert.Empty(await QueuedAsync(world));
    }

    /// <summary>The round is named on the header while the message is on its way, and the header cache ages past it.</summary>
    private static void NameTheRoundWhileSending(SenderWorld world) =>
        world.Connector.Answer = async _ =>
        {
            await world.Parts.WriteHeaderAsync(Original() with { LatestUpdateId = RoundId });
            world.Parts.Clock.Advance(BroadcastHeaderCache.MaxAge);
            return new ResourceResponse("act-ana");
        };

    private static BroadcastHeader Original() => OutboxParts.Header(BroadcastId) with { Kind = Kind, Payload = "{\"closed\":false}" };

    private static async Task<SenderWorld> WorldAsync(BroadcastHeader? original = null, Func<IStoreTable, IStoreTable>? bend = null)
    {
        var world = await SenderWorld.CreateAsync(null, bend, new RulesRenderer(Kind));
        await world.KnowAsync("29:ana", "a:conv-ana");
        await world.Parts.WriteHeaderAsync(original ?? Original());
        await world.Parts.WriteHeaderAsync(new BroadcastHeader(
            RoundId, Kind, "{\"closed\":true}", OutboxPriority.Normal, 1, false, true, world.Parts.Clock.GetUtcNow(), true, BroadcastId, OutboxParts.Tenant));
        return world;
    }

    private static async Task<List<StoreEntity>> QueuedAsync(SenderWorld world) =>
        await world.Parts.Store.Table(OutboxKeys.RowsTable).QueryAllAsync(OutboxKeys.QueuePartition(OutboxPriority.Normal)).ToListAsync();

    private sealed class NoQueueInserts(IStoreTable inner) : StoreTableDecorator(inner)
    {
        public override Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
            OutboxKeys.IsQueue(entity.PartitionKey)
                ? throw new StoreConflictException("The store refused the write.")
                : Inner.InsertAsync(entity, cancellationToken);
    }
}
