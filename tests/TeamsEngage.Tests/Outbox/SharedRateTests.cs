using System.Diagnostics;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox;

/// <summary>Several instances on one store divide each tenant's rate instead of each sending at all of it.</summary>
public sealed class SharedRateTests
{
    private const int Rate = 20;

    [Fact]
    public async Task TwoInstancesWithWorkSendAtTheTenantsRateTogetherNotTwiceIt()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings())
        {
            ["TeamsEngage:Outbox:RequestsPerSecond"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TeamsEngage:Outbox:Burst"] = "1",
            ["TeamsEngage:Outbox:MaxShardsPerInstance"] = "4",
        };
        var people = OutboxPeople.Many(120);
        await using var one = OutboxHost.Start(data.Path, settings);
        await using var two = OutboxHost.Start(data.Path, settings);
        await one.KnowAsync(connector, people);

        await one.Outbox.StartBroadcastAsync(new BroadcastRequest("shared-rate", TestRenderer.KindName, "x"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var records = await two.WaitUntilSettledAsync("shared-rate", TimeSpan.FromSeconds(30));

        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.NotEmpty(one.Renderer.Delivered);
        Assert.NotEmpty(two.Renderer.Delivered);
        var times = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).Select(r => r.ReceivedAt).Order().ToList();
        // Alone, each instance would send at the whole rate: together they would reach about twice it. Tokens taken a
        // little apart can still reach the connector together when the store is slow at the start, hence the margin.
        var busiestSecond = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.True(busiestSecond <= Rate * 1.3, $"{busiestSecond} sends in one second");
        var overall = (times.Count - 1) / (times[^1] - times[0]).TotalSeconds;
        Assert.InRange(overall, Rate * 0.6, Rate * 1.1);
    }

    [Fact]
    public async Task AnInstanceThatStopsGivesItsShareBackAtOnce()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings()) { ["TeamsEngage:Outbox:RequestsPerSecond"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var one = OutboxHost.Start(data.Path, settings);
        var two = OutboxHost.Start(data.Path, settings);
        var people = OutboxPeople.Many(2);
        await one.KnowAsync(connector, people);
        await one.Outbox.EnqueueAsync(OutboxMessage.Create(people[0].UserId, TestRenderer.KindName, "x", OutboxPriority.Normal));
        await connector.WaitForActivitiesAsync(people[0].ConversationId);
        var before = await TeamsEngage.Testing.Waiting.Eventually.ValueAsync(() => InstancesAsync(one), r => r.Count == 2, "both instances registered");

        await two.DisposeAsync();
        await one.Outbox.EnqueueAsync(OutboxMessage.Create(people[1].UserId, TestRenderer.KindName, "y", OutboxPriority.Normal));
        await connector.WaitForActivitiesAsync(people[1].ConversationId);

        var after = await InstancesAsync(one);
        Assert.Equal(2, before.Count);
        Assert.Single(after);
    }

    [Fact]
    public async Task AShareOfHalfTheRateTakesTwiceAsLongAndNoShareWaitsUntilOneIsGiven()
    {
        using var limiter = new TenantRateLimiter(Rate, 1, TimeProvider.System);

        var whole = await TimeTokensAsync(limiter, "t1", 11);
        limiter.Share = 0.5;
        var half = await TimeTokensAsync(limiter, "t2", 11);
        limiter.Share = 0;
        var waiting = limiter.AcquireAsync("t3", OutboxPriority.Interactive, CancellationToken.None);
        await Task.Delay(300);
        var heldBack = !waiting.IsCompleted;
        limiter.Share = 1;
        await waiting;

        Assert.True(heldBack, "a token was granted with no share");
        // The floors are the rate itself (a busy machine can only make it slower); the ceiling is the ratio of the two,
        // measured one after the other, so a loaded machine that stretches both does not fail it, while a share
        // ignored (about 1x) or applied twice (about 4x) does.
        Assert.True(whole.TotalSeconds >= 0.45, $"the whole rate gave 11 tokens in {whole.TotalSeconds:F2} s");
        Assert.True(half.TotalSeconds >= 0.95, $"half the rate gave 11 tokens in {half.TotalSeconds:F2} s");
        Assert.InRange(half.TotalSeconds / whole.TotalSeconds, 1.6, 3.0);
    }

    [Fact]
    public async Task APauseMetWhileThisInstanceHasNoShareYetDoesNotStallItOnceItHasOne()
    {
        using var limiter = new TenantRateLimiter(Rate, 5, TimeProvider.System);
        limiter.Share = 0;
        limiter.Pause("t", TimeSpan.FromMilliseconds(200));

        var waiting = limiter.AcquireAsync("t", OutboxPriority.Bulk, CancellationToken.None);
        await Task.Delay(400);
        limiter.Share = 1;

        Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(3))));
        await waiting;
    }

    private static async Task<TimeSpan> TimeTokensAsync(TenantRateLimiter limiter, string tenant, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await limiter.AcquireAsync(tenant, OutboxPriority.Bulk, CancellationToken.None);
        }
        return clock.Elapsed;
    }

    private static async Task<List<TeamsEngage.Storage.StoreEntity>> InstancesAsync(OutboxHost host)
    {
        var store = (TeamsEngage.Storage.ITableStore)host.Services.GetService(typeof(TeamsEngage.Storage.ITableStore))!;
        var rows = new List<TeamsEngage.Storage.StoreEntity>();
        await foreach (var row in TeamsEngage.Storage.StoreEntityExtensions.QueryAllAsync(store.Table("OutboxWork"), RateShares.InstancesPartition))
        {
            rows.Add(row);
        }
        return rows;
    }
}
