using System.Diagnostics;
using TeamsEngage.Outbox;

namespace TeamsEngage.Tests.Outbox;

public sealed class OutboxRateLimitTests
{
    [Fact]
    public async Task AConversationGetsSevenMessagesInASecondAndTheEighthWaits()
    {
        using var limiter = new ConversationRateLimiter();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 7; i++)
        {
            await limiter.WaitAsync("a:one", CancellationToken.None);
        }
        var seventh = clock.Elapsed;
        await limiter.WaitAsync("a:other", CancellationToken.None);
        var otherConversation = clock.Elapsed;

        await limiter.WaitAsync("a:one", CancellationToken.None);

        Assert.True(seventh < TimeSpan.FromMilliseconds(200), "seven took " + seventh);
        Assert.True(otherConversation - seventh < TimeSpan.FromMilliseconds(200), "another conversation waited");
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 950, 5000);
    }

    [Fact]
    public async Task AConversationGetsEightMessagesInTwoSecondsAndTheNinthWaitsForTheTwoSecondWindow()
    {
        using var limiter = new ConversationRateLimiter();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 8; i++)
        {
            await limiter.WaitAsync("a:one", CancellationToken.None);
        }
        var eighth = clock.Elapsed;

        await limiter.WaitAsync("a:one", CancellationToken.None);
        var ninth = clock.Elapsed;

        // The eighth waits for the one-second window only (about 1 s); the ninth then waits for the two-second one
        // (about 2 s in all), not for nothing. Compared with each other, so a busy machine slowing both changes nothing.
        Assert.True(eighth >= TimeSpan.FromMilliseconds(950), "the eighth went after " + eighth);
        Assert.True(ninth - eighth >= TimeSpan.FromMilliseconds(900), $"the ninth went {ninth - eighth} after the eighth");
        Assert.True(eighth < ninth * 0.75, $"the eighth went after {eighth}, the ninth after {ninth}: the eighth waited for the two-second window");
    }

    [Fact]
    public async Task AnInteractiveWaiterGetsTheTenantsNextTokenBeforeBulkWaiters()
    {
        // Two tokens a second: the interactive waiter arrives long before the next one, even on a busy machine.
        using var limiter = new TenantRateLimiter(2, 1, TimeProvider.System);
        await limiter.AcquireAsync("t", OutboxPriority.Bulk, CancellationToken.None);
        var order = new List<OutboxPriority>();
        var bulk = Enumerable.Range(0, 3).Select(_ => Record(limiter, OutboxPriority.Bulk, order)).ToList();
        await Task.Delay(50);

        await Record(limiter, OutboxPriority.Interactive, order);
        await Task.WhenAll(bulk);

        Assert.True(order.IndexOf(OutboxPriority.Interactive) <= 1, string.Join(",", order));
    }

    [Fact]
    public async Task APausedTenantGetsNoTokenUntilThePauseIsOver()
    {
        using var limiter = new TenantRateLimiter(1000, 100, TimeProvider.System);
        await limiter.AcquireAsync("t", OutboxPriority.Bulk, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        limiter.Pause("t", TimeSpan.FromMilliseconds(500));
        await limiter.AcquireAsync("t", OutboxPriority.Interactive, CancellationToken.None);
        await limiter.AcquireAsync("other", OutboxPriority.Bulk, CancellationToken.None);

        Assert.InRange(clock.Elapsed.TotalMilliseconds, 480, 3000);
    }

    private static async Task Record(TenantRateLimiter limiter, OutboxPriority priority, List<OutboxPriority> order)
    {
        await limiter.AcquireAsync("t", priority, CancellationToken.None);
        lock (order)
        {
            order.Add(priority);
        }
    }
}
