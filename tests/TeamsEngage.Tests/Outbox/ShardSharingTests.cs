using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;

namespace TeamsEngage.Tests.Outbox;

/// <summary>How the instances on one store divide a broadcast's shards: evenly as it opens, all of a dead holder's at once.</summary>
public sealed class ShardSharingTests
{
    // Slow enough that no shard is finished while the test looks at who holds it.
    private static readonly Dictionary<string, string?> Slow = new()
    {
        ["TeamsEngage:Outbox:RequestsPerSecond"] = "2",
        ["TeamsEngage:Outbox:MaxShardsPerInstance"] = "16",
    };

    [Fact]
    public async Task TwoLiveInstancesEachLeaseHalfABroadcastsShardsThoughTheWriterSeesThemFirst()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        var people = OutboxPeople.Many(160);
        await using var writer = OutboxHost.Start(data.Path, Slow);
        await using var other = OutboxHost.Start(data.Path, Slow);
        await writer.KnowAsync(connector, people);
        await Eventually.ValueAsync(() => LiveInstancesAsync(writer), n => n == 2, "both instances registered");

        await writer.Outbox.StartBroadcastAsync(new BroadcastRequest("fair", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var shards = await Eventually.ValueAsync(() => ShardsAsync(writer), s => s.Count == 16 && s.All(r => r.Owner.Length > 0), "every shard leased");

        var perOwner = shards.GroupBy(s => s.Owner).Select(g => g.Count()).Order().ToList();
        Assert.Equal([8, 8], perOwner);
    }

    [Fact]
    public async Task ALiveInstanceTakesEveryShardOfOneThatStoppedRenewingBeyondItsFairPart()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        var people = OutboxPeople.Many(160);
        var dead = OutboxHost.Start(data.Path, Slow);
        await dead.KnowAsync(connector, people);
        await dead.Outbox.StartBroadcastAsync(new BroadcastRequest("takeover", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        await Eventually.ValueAsync(() => ShardsAsync(dead), s => s.Count == 16 && s.All(r => r.Owner.Length > 0), "every shard leased");
        await dead.DisposeAsync();
        // What a process killed with its leases running out leaves behind: its instance row still live (it counts among
        // the instances for a while yet), and its shards' leases expired.
        using var store = new TeamsEngage.Storage.Sqlite.SqliteTableStore(data.Path);
        await store.InitializeAsync([OutboxKeys.WorkTable]);
        var work = store.Table(OutboxKeys.WorkTable);
        await work.UpsertAsync(new StoreEntity(RateShares.InstancesPartition, "killed", new Dictionary<string, object?>
        {
            [RowFields.LeaseUntil] = DateTimeOffset.UtcNow.AddMinutes(2),
            [RowFields.CreatedAt] = DateTimeOffset.UtcNow.AddMinutes(-1),
            [RowFields.Weight] = RateShares.Full,
            [RowFields.WeightTotal] = RateShares.Full * 2,
        }));
        foreach (var shard in await ShardRowsAsync(work))
        {
            await work.UpsertAsync(shard with { Properties = new Dictionary<string, object?>(shard.Properties) { [RowFields.LeaseOwner] = "killed", [RowFields.LeaseUntil] = DateTimeOffset.UtcNow.AddSeconds(-1) } });
        }

        await using var survivor = OutboxHost.Start(data.Path, Slow);
        var shards = await Eventually.ValueAsync(() => ShardsAsync(survivor), s => s.All(r => r.Owner is not ("" or "killed")), "every shard taken over", TimeSpan.FromSeconds(30));

        Assert.Equal(16, shards.Count);
        Assert.Single(shards.Select(s => s.Owner).Distinct());
        Assert.Equal(2, await LiveInstancesAsync(survivor));
    }

    private static async Task<int> LiveInstancesAsync(OutboxHost host)
    {
        var count = 0;
        await foreach (var row in Work(host).QueryAllAsync(RateShares.InstancesPartition))
        {
            count += row.GetDateTimeOffset(RowFields.LeaseUntil) > DateTimeOffset.UtcNow ? 1 : 0;
        }
        return count;
    }

    private static async Task<List<(string Shard, string Owner)>> ShardsAsync(OutboxHost host) =>
        [.. (await ShardRowsAsync(Work(host))).Select(r => (r.RowKey, r.GetString(RowFields.LeaseOwner) ?? string.Empty))];

    private static async Task<List<StoreEntity>> ShardRowsAsync(IStoreTable work)
    {
        var rows = new List<StoreEntity>();
        await foreach (var row in work.QueryAllAsync(OutboxKeys.WorkPartition))
        {
            if (!OutboxKeys.IsQueue(row.RowKey))
            {
                rows.Add(row);
            }
        }
        return rows;
    }

    private static IStoreTable Work(OutboxHost host) =>
        ((ITableStore)host.Services.GetService(typeof(ITableStore))!).Table(OutboxKeys.WorkTable);
}
