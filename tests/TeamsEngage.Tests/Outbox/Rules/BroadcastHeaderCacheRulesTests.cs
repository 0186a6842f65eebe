using TeamsEngage.Outbox;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// The sender's view of broadcast headers on a fake clock: a header read is reused for one second and no longer, the
/// stored header wins over a shard's own copy, a shard's copy stands in for a header the store does not have, and the
/// cache lets go of old headers once it holds more than a thousand.
/// </summary>
public sealed class BroadcastHeaderCacheRulesTests
{
    [Fact]
    public async Task ACancelIsSeenBySendersAtTheLatestOneSecondAfterTheHeaderWasRead()
    {
        using var parts = await OutboxParts.CreateAsync();
        await parts.WriteHeaderAsync(OutboxParts.Header("b-cancel"));
        var shard = Shard("b-cancel", 0, header: null);

        Assert.False((await parts.Headers.GetAsync(shard, CancellationToken.None))!.Cancelled);
        await parts.WriteHeaderAsync(OutboxParts.Header("b-cancel", cancelled: true));
        parts.Clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.False((await parts.Headers.GetAsync(shard, CancellationToken.None))!.Cancelled);
        parts.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True((await parts.Headers.GetAsync(shard, CancellationToken.None))!.Cancelled);
    }

    [Fact]
    public async Task TheStoredHeaderWinsOverTheCopyAShardWasLeasedWithWhetherReadNowOrReused()
    {
        using var parts = await OutboxParts.CreateAsync();
        await parts.WriteHeaderAsync(OutboxParts.Header("b-stored", cancelled: true));
        var shard = Shard("b-stored", 0, OutboxParts.Header("b-stored"));

        Assert.True((await parts.Headers.GetAsync(shard, CancellationToken.None))!.Cancelled);
        Assert.True((await parts.Headers.GetAsync(shard, CancellationToken.None))!.Cancelled);
        Assert.True((await parts.Headers.GetAsync(Shard("b-stored", 1, OutboxParts.Header("b-stored")), CancellationToken.None))!.Cancelled);
    }

    [Fact]
    public async Task AShardsOwnHeaderStandsInForOneTheStoreDoesNotHave()
    {
        using var parts = await OutboxParts.CreateAsync();
        var own = OutboxParts.Header("b-missing", cancelled: true);

        Assert.Null(await parts.Headers.ReadFreshAsync(Shard("b-missing", 0, header: null), CancellationToken.None));
        Assert.Same(own, await parts.Headers.GetAsync(Shard("b-missing", 1, own), CancellationToken.None));
        Assert.Same(own, await parts.Headers.ReadFreshAsync(Shard("b-missing", 2, own), CancellationToken.None));
    }

    [Fact]
    public async Task PastAThousandBroadcastsTheCacheForgetsExactlyTheHeadersReadMoreThanASecondAgo()
    {
        using var parts = await OutboxParts.CreateAsync();
        for (var i = 0; i < 999; i++)
        {
            await parts.Headers.ReadFreshAsync(Shard("b-" + i, 0, header: null), CancellationToken.None);
        }
        parts.Clock.Advance(TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(1));

        // A thousand held is not past a thousand: old as they are, the first 999 stay.
        await parts.Headers.ReadFreshAsync(Shard("b-999", 0, header: null), CancellationToken.None);
        Assert.Equal(1000, parts.Headers.Count);
        parts.Clock.Advance(TimeSpan.FromSeconds(1));
        // Past a thousand, the 999 go; the one read exactly a second ago is not yet more than a second old and stays.
        await parts.Headers.ReadFreshAsync(Shard("b-1000", 0, header: null), CancellationToken.None);
        Assert.Equal(2, parts.Headers.Count);
    }

    private static WorkItem Shard(string broadcastId, int shard, BroadcastHeader? header) =>
        new(OutboxKeys.ShardPartition(broadcastId, shard), OutboxPriority.Bulk, broadcastId) { Header = header };
}
