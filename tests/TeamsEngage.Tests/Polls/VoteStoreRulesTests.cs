using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Anonymity;
using TeamsEngage.Features.Polls;
using TeamsEngage.Storage;
using TeamsEngage.Tests.AnonymousAnswers;
using static TeamsEngage.Tests.Polls.PollDisclosureRulesTests;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// What counting reads: the live tally voters see is reused for its configured moment and no longer (measured on a fake
/// clock), and a closed anonymous poll counts only its sealed rows.
/// </summary>
public sealed class VoteStoreRulesTests
{
    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(2);
    private static readonly string TenantA = "6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a01";
    private static readonly string TenantB = "6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a02";

    [Fact]
    public async Task ALiveTallyIsReusedUntilItsMomentIsUpAndCountedAgainExactlyThen()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter(TenantA);
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero));
        using var reads = new HeldReads(files.Store);
        var votes = new VoteStore(reads, clock, Options.Create(new PollsOptions { TallyCacheDuration = Moment }));
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await CastNamedAsync(votes, poll, "29:ben");

        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        await CastNamedAsync(votes, poll, "29:carmen");
        clock.Advance(Moment - TimeSpan.FromTicks(1));
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        Assert.Equal(1, reads.Started);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(2, await VotersOnceCountedAsync(votes, poll, 2));
        Assert.Equal(2, reads.Started);
    }

    [Fact]
    public async Task AVoterIsShownThePreviousCountWhileTheRecountRunsAndOnlyAPollsFirstCountIsWaitedFor()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter(TenantA);
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero));
        using var reads = new HeldReads(files.Store);
        var votes = new VoteStore(reads, clock, Options.Create(new PollsOptions { TallyCacheDuration = Moment }));
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await CastNamedAsync(votes, poll, "29:ben");

        reads.Hold();
        var first = votes.RecentTallyAsync(poll, CancellationToken.None);
        await reads.WaitUntilHeldAsync(1);
        Assert.False(first.IsCompleted);
        reads.Release();
        Assert.Equal(1, (await first).Voters);

        await CastNamedAsync(votes, poll, "29:carmen");
        clock.Advance(Moment);
        reads.Hold();
        var whileCounting = votes.RecentTallyAsync(poll, CancellationToken.None);
        Assert.True(whileCounting.IsCompletedSuccessfully);
        Assert.Equal(1, (await whileCounting).Voters);
        await reads.WaitUntilHeldAsync(2);
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        Assert.Equal(2, reads.Started);
        reads.Release();
        Assert.Equal(2, await VotersOnceCountedAsync(votes, poll, 2));
        Assert.Equal(2, reads.Started);
    }

    [Fact]
    public async Task ACallerGivingUpDoesNotEndTheCountOtherCardsAreWaitingFor()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter(TenantA);
        using var reads = new HeldReads(files.Store);
        var votes = new VoteStore(reads, new FakeTimeProvider(), Options.Create(new PollsOptions { TallyCacheDuration = Moment }));
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await CastNamedAsync(votes, poll, "29:ben");

        reads.Hold();
        using var gaveUp = new CancellationTokenSource();
        var impatient = votes.RecentTallyAsync(poll, gaveUp.Token);
        var patient = votes.RecentTallyAsync(poll, CancellationToken.None);
        await reads.WaitUntilHeldAsync(1);
        await gaveUp.CancelAsync();
        // Bounded: a count that shared the impatient caller's token would still be held here.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.WaitAsync(TimeSpan.FromSeconds(10)));
        reads.Release();

        Assert.Equal(1, (await patient.WaitAsync(TimeSpan.FromSeconds(10))).Voters);
        Assert.Equal(1, reads.Started);
    }

    [Fact]
    public async Task APollSoLargeThatCountingTakesLongerThanAMomentKeepsEachCountFourTimesAsLongAsCountingTook()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter(TenantA);
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var counting = TimeSpan.FromSeconds(3);
        var votes = new VoteStore(new ReadsThatTakeTime(files.Store, clock, counting), clock, Options.Create(new PollsOptions { TallyCacheDuration = Moment }));
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await CastNamedAsync(votes, poll, "29:ben");

        // Counted from 09:00:00 to 09:00:03, so reused until 09:00:15: the store spends at most a fifth of its time on it.
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        await CastNamedAsync(votes, poll, "29:carmen");
        clock.Advance(counting * VoteStore.RecountShare - TimeSpan.FromTicks(1));
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        var before = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(2, await VotersOnceCountedAsync(votes, poll, 2));
        Assert.Equal(before + TimeSpan.FromTicks(1) + counting, clock.GetUtcNow());
    }

    [Fact]
    public async Task AnExactCountIsWhatVotersSeeForTheNextMomentAndThenTheyCountAgain()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter(TenantA);
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var votes = Votes(files, clock);
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await CastNamedAsync(votes, poll, "29:ben");

        Assert.Equal(1, (await votes.CountAsync(poll, CancellationToken.None)).Voters);
        await CastNamedAsync(votes, poll, "29:carmen");
        Assert.Equal(2, (await votes.CountAsync(poll, CancellationToken.None)).Voters);
        await CastNamedAsync(votes, poll, "29:dan");
        clock.Advance(Moment - TimeSpan.FromTicks(1));
        Assert.Equal(2, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(3, await VotersOnceCountedAsync(votes, poll, 3));
    }

    [Fact]
    public async Task ClosingForgetsTheCachedTallyAndAnOpenPollsTallyIsNeverTheClosedOnesOrAnotherTenants()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var votes = Votes(files, clock);
        var open = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        using (TenantScope.Enter(TenantA))
        {
            await CastNamedAsync(votes, open, "29:ben");
            Assert.Equal(1, (await votes.RecentTallyAsync(open, CancellationToken.None)).Voters);
            await CastNamedAsync(votes, open, "29:carmen");

            Assert.Equal(2, (await votes.RecentTallyAsync(open with { Status = PollStatus.Closed }, CancellationToken.None)).Voters);
            Assert.Equal(1, (await votes.RecentTallyAsync(open, CancellationToken.None)).Voters);
            votes.Invalidate(open.Id);
            Assert.Equal(2, (await votes.RecentTallyAsync(open, CancellationToken.None)).Voters);
            await CastNamedAsync(votes, open, "29:dan");
        }
        using (TenantScope.Enter(TenantB))
        {
            Assert.Equal(3, (await votes.RecentTallyAsync(open, CancellationToken.None)).Voters);
        }
    }

    [Fact]
    public async Task AClosedAnonymousPollCountsOnlyItsSealedVotesSoAVoteThatRacedTheCloseChangesNothing()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter(TenantA);
        var votes = Votes(files, new FakeTimeProvider());
        var open = PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Open);
        var secret = VoterKeys.NewSecret();
        foreach (var user in new[] { "29:ben", "29:carmen" })
        {
            Assert.True(await votes.CastAsync(open.Id, VoteStore.VoterKey(open, secret, user), new Vote([0], null, null, null), null, CancellationToken.None));
        }
        Assert.False(await votes.CastAsync(open.Id, VoteStore.VoterKey(open, secret, "29:ben"), new Vote([1], null, null, null), null, CancellationToken.None));

        Assert.Equal(2, await votes.SealAsync(open.Id, CancellationToken.None));
        await votes.CastAsync(open.Id, VoteStore.VoterKey(open, secret, "29:dan"), new Vote([1], null, null, null), null, CancellationToken.None);

        var closed = open with { Status = PollStatus.Closed };
        Assert.Equal([1, 1], (await votes.CountAsync(closed, CancellationToken.None)).Counts);
        Assert.Equal(3, (await votes.CountAsync(open, CancellationToken.None)).Voters);
        Assert.Throws<InvalidOperationException>(() => VoteStore.VoterKey(closed, null, "29:ben"));
    }

    [Fact]
    public async Task AClosedNamedPollCountsEveryVoteItHas()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter(TenantA);
        var votes = Votes(files, new FakeTimeProvider());
        var poll = PollOf(anonymous: false, ResultsVisibility.AfterClose, PollStatus.Closed);
        await CastNamedAsync(votes, poll, "29:ben");
        await CastNamedAsync(votes, poll, "29:carmen");

        Assert.Equal(2, (await votes.CountAsync(poll, CancellationToken.None)).Voters);
        Assert.Equal(["29:ben", "29:carmen"], (await votes.ReadNamedAsync(poll.Id, CancellationToken.None)).Select(v => v.UserId).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The voters cards show, asked again until they are <paramref name="expected"/> or ten seconds have passed: a
    /// recount runs behind the card that started it, and the cards after it show its result.
    /// </summary>
    private static async Task<int> VotersOnceCountedAsync(VoteStore votes, Poll poll, int expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var voters = (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters;
            if (voters == expected || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return voters;
            }
            await Task.Delay(10);
        }
    }

    /// <summary>A store that counts the range reads started and, while held, keeps them waiting until released.</summary>
    private sealed class HeldReads(ITableStore inner) : ITableStore, IDisposable
    {
        private readonly SemaphoreSlim _started = new(0);
        private TaskCompletionSource? _hold;
        private int _count;

        public int Started => Volatile.Read(ref _count);

        public void Dispose() => _started.Dispose();

        public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

        /// <summary>Waits (ten seconds at most) until <paramref name="count"/> reads in all have started.</summary>
        public async Task WaitUntilHeldAsync(int count)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (Started < count)
            {
                await _started.WaitAsync(limit.Token);
            }
        }

        public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

        public IStoreTable Table(string name) => new HeldTable(inner.Table(name), this);

        private async Task BeforeReadAsync()
        {
            var hold = Volatile.Read(ref _hold);
            Interlocked.Increment(ref _count);
            _started.Release();
            if (hold is not null)
            {
                await hold.Task;
            }
        }

        private sealed class HeldTable(IStoreTable table, HeldReads reads) : Testing.Storage.StoreTableDecorator(table)
        {
            public override async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
            {
                await reads.BeforeReadAsync();
                return await Inner.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
            }
        }
    }

    /// <summary>A store whose range reads take <paramref name="duration"/> on the fake clock, as a large partition does.</summary>
    private sealed class ReadsThatTakeTime(ITableStore inner, FakeTimeProvider clock, TimeSpan duration) : ITableStore
    {
        public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

        public IStoreTable Table(string name) => new SlowTable(inner.Table(name), clock, duration);

        private sealed class SlowTable(IStoreTable table, FakeTimeProvider clock, TimeSpan duration) : Testing.Storage.StoreTableDecorator(table)
        {
            public override async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
            {
                var page = await Inner.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
                clock.Advance(duration);
                return page;
            }
        }
    }

    private static VoteStore Votes(StoreInATempFolder files, TimeProvider clock) =>
        new(files.Store, clock, Options.Create(new PollsOptions { TallyCacheDuration = Moment }));

    private static Task<bool> CastNamedAsync(VoteStore votes, Poll poll, string userId) =>
        votes.CastAsync(poll.Id, VoteStore.VoterKey(poll, null, userId), new Vote([0], null, "SCI", "Teacher"), new PollRecipient(userId, userId, "SCI", "Teacher"), CancellationToken.None);
}
