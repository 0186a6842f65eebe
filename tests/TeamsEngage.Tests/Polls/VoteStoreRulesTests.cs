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
        var votes = Votes(files, clock);
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await CastNamedAsync(votes, poll, "29:ben");

        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        await CastNamedAsync(votes, poll, "29:carmen");
        clock.Advance(Moment - TimeSpan.FromTicks(1));
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(2, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
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
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(2, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
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
        Assert.Equal(3, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
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
