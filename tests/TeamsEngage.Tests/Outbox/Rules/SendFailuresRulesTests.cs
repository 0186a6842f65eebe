using System.Net;
using TeamsEngage.Connector.Client;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// What a failed send leads to, one rule at a time on a fake clock: the retry back-off's exact bounds, the retry time
/// in the future, the throttle limit exactly at and one below its setting, and the meters an operator watches.
/// </summary>
public sealed class SendFailuresRulesTests
{
    private const int Samples = 200;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(40, 10)]
    public async Task ARetryWaitsBetweenHalfAndAllOfTheBaseDoubledPerAttemptAndNeverLongerThanTheCeiling(int attempts, int ceilingSeconds)
    {
        using var parts = await OutboxParts.CreateAsync(new OutboxOptions
        {
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            RetryMaxDelay = TimeSpan.FromSeconds(10),
            MaxAttempts = 100,
        });
        var pending = await parts.BroadcastRowAsync("b-backoff", "29:ana");
        pending.Attempts = attempts;
        var ceiling = TimeSpan.FromSeconds(ceilingSeconds);

        var waits = new List<TimeSpan>();
        for (var i = 0; i < Samples; i++)
        {
            var outcome = await parts.Failures.RetryOrFailAsync(pending, 503, CancellationToken.None);
            Assert.NotNull(outcome.RetryAt);
            waits.Add(outcome.RetryAt.Value - parts.Clock.GetUtcNow());
        }

        Assert.All(waits, wait => Assert.InRange(wait, ceiling / 2, ceiling));
        // Full jitter: the waits spread over the range rather than sitting at one end of it.
        Assert.True(waits.Max() - waits.Min() > ceiling / 4, "waits from " + waits.Min() + " to " + waits.Max());
        Assert.Equal(Samples, parts.Sum("teamsengage.outbox.retries", ("tenant.id", "none"), ("http.response.status_code", 503)));
    }

    [Fact]
    public async Task AMessageIsRecordedFailedOnItsLastAllowedAttemptAndRetriedOnTheOneBefore()
    {
        using var parts = await OutboxParts.CreateAsync(new OutboxOptions { MaxAttempts = 3 });
        var pending = await parts.BroadcastRowAsync("b-attempts", "29:ana");

        pending.Attempts = 2;
        var beforeLast = await parts.Failures.RetryOrFailAsync(pending, 500, CancellationToken.None);
        pending.Attempts = 3;
        var last = await parts.Failures.RetryOrFailAsync(pending, 500, CancellationToken.None);

        Assert.True(beforeLast.RetryAt > parts.Clock.GetUtcNow());
        Assert.Null(last.RetryAt);
        Assert.Equal(nameof(DeliveryStatus.Failed), (await parts.StoredAsync(pending))!.GetString(RowFields.Status));
    }

    [Fact]
    public async Task AThrottledMessageWaitsItsTurnAgainUntilItsLastAllowedThrottleAndIsThenRecordedFailed()
    {
        using var parts = await OutboxParts.CreateAsync(new OutboxOptions { MaxThrottles = 3 });
        var pending = await parts.BroadcastRowAsync("b-throttles", "29:ana");
        pending.TenantId = OutboxParts.Tenant;
        var throttled = new ConnectorException("Too many requests.", HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(2));

        var first = await parts.Failures.OnConnectorFailureAsync(pending, throttled, CancellationToken.None);
        var oneBelowLimit = await parts.Failures.OnConnectorFailureAsync(pending, throttled, CancellationToken.None);
        Assert.Equal(nameof(DeliveryStatus.Pending), (await parts.StoredAsync(pending))!.GetString(RowFields.Status));
        var atLimit = await parts.Failures.OnConnectorFailureAsync(pending, throttled, CancellationToken.None);

        // Below the limit the row is due again at once: the tenant's paused bucket, not the row, does the waiting.
        Assert.Equal(parts.Clock.GetUtcNow(), first.RetryAt);
        Assert.Equal(parts.Clock.GetUtcNow(), oneBelowLimit.RetryAt);
        Assert.Null(atLimit.RetryAt);
        Assert.Equal(3, pending.Throttles);
        Assert.Equal(0, pending.Attempts);
        Assert.Equal(nameof(DeliveryStatus.Failed), (await parts.StoredAsync(pending))!.GetString(RowFields.Status));
        Assert.Equal(3, parts.Sum("teamsengage.outbox.throttled", ("tenant.id", OutboxParts.Tenant)));
    }

    [Fact]
    public async Task AThrottledTenantPausesForExactlyTheRetryAfterHereAndOnEveryInstance()
    {
        using var parts = await OutboxParts.CreateAsync();
        var pending = await parts.BroadcastRowAsync("b-pause", "29:ana");
        pending.TenantId = OutboxParts.Tenant;
        var retryAfter = TimeSpan.FromSeconds(7);
        var throttledAt = parts.Clock.GetUtcNow();

        await parts.Failures.OnConnectorFailureAsync(pending, new ConnectorException("Too many requests.", HttpStatusCode.TooManyRequests, retryAfter: retryAfter), CancellationToken.None);

        var shared = await parts.Tables.Work.GetAsync(RateShares.PausesPartition, StoreKey.Escape(OutboxParts.Tenant));
        Assert.Equal<DateTimeOffset?>(throttledAt + retryAfter, shared!.GetDateTimeOffset(RowFields.LeaseUntil));
        var next = parts.Limiter.AcquireAsync(OutboxParts.Tenant, OutboxPriority.Bulk, CancellationToken.None);
        parts.Clock.Advance(retryAfter - TimeSpan.FromTicks(1));
        await Task.Delay(50);
        Assert.False(next.IsCompleted, "a send went out before the Retry-After was over");
        for (var i = 0; i < 100 && !next.IsCompleted; i++)
        {
            parts.Clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(5);
        }
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AThrottleMetBeforeTheRowsTenantIsKnownIsCountedUnderNoTenant()
    {
        using var parts = await OutboxParts.CreateAsync();
        var pending = await parts.BroadcastRowAsync("b-no-tenant", "29:ana");
        var throttled = new ConnectorException("Too many requests.", HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(2));

        await parts.Failures.OnConnectorFailureAsync(pending, throttled, CancellationToken.None);

        Assert.Equal(1, parts.Sum("teamsengage.outbox.throttled", ("tenant.id", "none")));
        Assert.Equal(1, parts.Sum("teamsengage.outbox.throttled"));
    }
}
