using Microsoft.Extensions.Logging.Abstractions;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// How instances on one store divide a tenant's rate, pass by pass on a fake clock: a joining instance waits for the
/// others to make room, and no longer; work that has nothing left to send gives its share back at once.
/// </summary>
public sealed class RateSharesRulesTests : IAsyncLifetime
{
    private OutboxParts _parts = null!;

    public async Task InitializeAsync() => _parts = await OutboxParts.CreateAsync(new OutboxOptions
    {
        PollInterval = TimeSpan.FromSeconds(1),
        LeaseDuration = TimeSpan.FromSeconds(30),
    });

    public Task DisposeAsync()
    {
        _parts.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AJoiningInstanceSendsAtItsShareAsSoonAsTheOthersHaveTakenTheSmallerOne()
    {
        var sending = Instance();
        var joining = Instance();
        sending.HasRowsToSend();
        await sending.PassAsync();
        joining.HasRowsToSend();

        await joining.PassAsync();
        var beforeTheOthersMadeRoom = joining.Share;
        _parts.Clock.Advance(TimeSpan.FromMilliseconds(300));
        await sending.PassAsync();
        _parts.Clock.Advance(TimeSpan.FromMilliseconds(300));
        await joining.PassAsync();

        Assert.Equal(0, beforeTheOthersMadeRoom);
        Assert.Equal(0.5, sending.Share);
        Assert.Equal(0.5, joining.Share);
    }

    [Fact]
    public async Task AJoiningInstanceTakesNothingWhileAnotherStillSendsAtTheLargerShareHoweverLongItWaits()
    {
        var sending = Instance();
        var joining = Instance();
        sending.HasRowsToSend();
        await sending.PassAsync();
        joining.HasRowsToSend();

        for (var pass = 0; pass < 5; pass++)
        {
            await joining.PassAsync();
            _parts.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, sending.Share);
        Assert.Equal(0, joining.Share);
    }

    [Fact]
    public async Task AnInstanceWhoseRowsAreAllSentGivesItsShareBackAtItsNextPassThoughItStillHoldsTheShard()
    {
        var staying = Instance();
        var finishing = Instance();
        staying.HasRowsToSend();
        finishing.HasRowsToSend();
        await SettleAsync(staying, finishing);
        var sharedBefore = staying.Share;

        finishing.SentEverything();
        await finishing.PassAsync();
        await staying.PassAsync();

        Assert.Equal(0.5, sharedBefore);
        Assert.Equal(1, staying.Share);
        Assert.Equal(0, finishing.Share);
        Assert.NotEmpty(finishing.Held.Items);
    }

    [Fact]
    public async Task AnInstanceWithOnlyARetryLeftKeepsASmallShareForItAndTheOthersTakeTheRest()
    {
        var sending = Instance();
        var retrying = Instance();
        sending.HasRowsToSend();
        retrying.HasRowsToSend();
        await SettleAsync(sending, retrying);

        retrying.OnlyARetryLeft();
        await retrying.PassAsync();
        await sending.PassAsync();
        var retryingBeforeItsNextPass = retrying.Share;
        await retrying.PassAsync();

        var total = RateShares.Full + RateShares.Trickle;
        Assert.Equal((double)RateShares.Full / total, sending.Share, 6);
        Assert.Equal((double)RateShares.Trickle / total, retryingBeforeItsNextPass, 6);
        Assert.Equal((double)RateShares.Trickle / total, retrying.Share, 6);
    }

    [Fact]
    public async Task AShardWhoseBroadcastIsStillBeingWrittenKeepsItsShareWhileItWaitsForMoreRows()
    {
        var staying = Instance();
        var waiting = Instance();
        staying.HasRowsToSend();
        waiting.HasRowsToSend();
        await SettleAsync(staying, waiting);

        waiting.SentEverythingWrittenSoFar();
        await waiting.PassAsync();
        await staying.PassAsync();

        Assert.Equal(0.5, staying.Share);
        Assert.Equal(0.5, waiting.Share);
    }

    [Fact]
    public async Task AnInstanceMeetingANewcomerTakesTheSmallerShareAtOnceAndAfterALeaverTheLargerOnceTheOthersAgree()
    {
        var first = Instance();
        var second = Instance();
        var third = Instance();
        first.HasRowsToSend();
        second.HasRowsToSend();
        await SettleAsync(first, second);

        third.HasRowsToSend();
        await third.PassAsync();
        await first.PassAsync();
        var withTheNewcomer = first.Share;
        await second.PassAsync();
        await third.PassAsync();
        var sumOfThree = first.Share + second.Share + third.Share;

        second.SentEverything();
        await second.PassAsync();
        await first.PassAsync();
        await third.PassAsync();

        Assert.Equal(1.0 / 3, withTheNewcomer, 6);
        Assert.Equal(1.0, sumOfThree, 6);
        Assert.Equal(0.5, first.Share);
        Assert.Equal(0.5, third.Share);
    }

    [Fact]
    public async Task AnInstanceCountsEveryLiveInstanceWithOrWithoutWorkAndOneThatStoppedRenewingUntilAPassBeforeALeasePeriodEnds()
    {
        var busy = Instance();
        var stopped = Instance();
        busy.HasRowsToSend();
        await stopped.PassAsync();
        await busy.PassAsync();
        var withBoth = busy.Shares.LiveInstances;

        _parts.Clock.Advance(TimeSpan.FromSeconds(28.5));
        await busy.PassAsync();
        var stillCounted = busy.Shares.LiveInstances;
        _parts.Clock.Advance(TimeSpan.FromSeconds(0.5));
        await busy.PassAsync();

        // The lease period is 30 s and a pass 1 s: gone at 29 s, so the next pass, by 30 s, takes its share.
        Assert.Equal(2, withBoth);
        Assert.Equal(2, stillCounted);
        Assert.Equal(1, busy.Shares.LiveInstances);
    }

    [Fact]
    public async Task AnInstanceRowWrittenBeforeSharesWereAcknowledgedLetsAJoinerInAfterTwoPasses()
    {
        var joining = Instance();
        await _parts.Tables.Work.UpsertAsync(new StoreEntity(RateShares.InstancesPartition, "an-older-version", new Dictionary<string, object?>
        {
            [RowFields.LeaseUntil] = _parts.Clock.GetUtcNow() + TimeSpan.FromSeconds(30),
            [RowFields.CreatedAt] = _parts.Clock.GetUtcNow() - TimeSpan.FromMinutes(1),
        }));
        joining.HasRowsToSend();

        await joining.PassAsync();
        var atOnce = joining.Share;
        _parts.Clock.Advance(TimeSpan.FromSeconds(2));
        await joining.PassAsync();

        Assert.Equal(0, atOnce);
        Assert.Equal(0.5, joining.Share);
    }

    private static async Task SettleAsync(params Peer[] peers)
    {
        for (var round = 0; round < 2; round++)
        {
            foreach (var peer in peers)
            {
                await peer.PassAsync();
            }
        }
    }

    private Peer Instance()
    {
        var options = Microsoft.Extensions.Options.Options.Create(_parts.Options);
        var held = new HeldWork(options, _parts.Clock);
        var limiter = new TenantRateLimiter(100, 1, _parts.Clock);
        return new Peer(held, limiter, new RateShares(_parts.Tables, limiter, held, options, _parts.Clock, NullLogger<RateShares>.Instance));
    }

    /// <summary>One instance: its held work, its limiter, and its part of the shares.</summary>
    private sealed class Peer(HeldWork held, TenantRateLimiter limiter, RateShares shares)
    {
        private static readonly StoreEntity Empty = new(OutboxKeys.WorkPartition, "b1-00", new Dictionary<string, object?>());
        private readonly WorkItem _shard = new("b1-00", OutboxPriority.Bulk, "b1") { Lease = Empty };

        private PendingRow Row => new(_shard, Empty);

        public HeldWork Held => held;

        public RateShares Shares => shares;

        public double Share => limiter.Share;

        public Task PassAsync() => shares.RefreshAsync(CancellationToken.None);

        /// <summary>Holds a shard of a broadcast still being written, with a row read and not yet sent.</summary>
        public void HasRowsToSend()
        {
            lock (held.Gate)
            {
                _shard.Scanned = true;
                _shard.ScanDone = true;
                _shard.Written = false;
                _shard.Busy.Add("row-1");
                _shard.Buffer.Enqueue(Row);
            }
            held.Add(_shard);
        }

        /// <summary>The broadcast is written and its last row waits for a retry (the connector answered 503).</summary>
        public void OnlyARetryLeft()
        {
            lock (held.Gate)
            {
                _shard.Written = true;
                _shard.Buffer.Clear();
                _shard.Retries.Enqueue(Row, DateTimeOffset.MaxValue);
            }
        }

        /// <summary>Every row of the held shard is sent, its broadcast is written, and the shard is still held until the lease keeper finishes it.</summary>
        public void SentEverything()
        {
            lock (held.Gate)
            {
                _shard.Written = true;
                _shard.Buffer.Clear();
                _shard.Retries.Clear();
                _shard.Busy.Clear();
            }
        }

        /// <summary>Every row read so far is sent while the broadcast is still being written.</summary>
        public void SentEverythingWrittenSoFar()
        {
            lock (held.Gate)
            {
                _shard.Buffer.Clear();
                _shard.Busy.Clear();
            }
        }
    }
}
