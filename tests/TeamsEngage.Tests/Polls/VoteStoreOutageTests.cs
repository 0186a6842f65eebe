using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Features.Polls;
using TeamsEngage.Storage;
using TeamsEngage.Tests.AnonymousAnswers;
using static TeamsEngage.Tests.Polls.PollDisclosureRulesTests;

namespace TeamsEngage.Tests.Polls;

/// <summary>The live tally while the store refuses to read: the failure reaches the caller at once and is never kept.</summary>
public sealed class VoteStoreOutageTests
{
    [Fact]
    public async Task AFailedCountReachesTheCallerAtOnceAndTheNextCardCountsAgainOnceTheStoreAnswers()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter("6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a01");
        var store = new RefusingReads(files.Store);
        var votes = new VoteStore(store, new FakeTimeProvider(), Options.Create(new PollsOptions { TallyCacheDuration = TimeSpan.FromMinutes(1) }));
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await votes.CastAsync(poll.Id, "29:ben", new Vote([0], null, null, null), null, CancellationToken.None);

        store.Refusing = true;
        // Bounded, so a count that retried forever fails the test instead of hanging it.
        var failed = Task.Run(() => votes.RecentTallyAsync(poll, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => failed);
        store.Refusing = false;

        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
    }

    [Fact]
    public async Task WhileTheStoreRefusesARecountVotersKeepSeeingTheLastCountAndTheFirstCardAfterwardsCountsAgain()
    {
        using var files = await StoreInATempFolder.CreateAsync(VoteStore.TableName);
        using var tenant = TenantScope.Enter("6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a01");
        var store = new RefusingReads(files.Store);
        var clock = new FakeTimeProvider();
        var votes = new VoteStore(store, clock, Options.Create(new PollsOptions { TallyCacheDuration = TimeSpan.FromMinutes(1) }));
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        await votes.CastAsync(poll.Id, "29:ben", new Vote([0], null, null, null), null, CancellationToken.None);
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        await votes.CastAsync(poll.Id, "29:carmen", new Vote([1], null, null, null), null, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(1));
        store.Refusing = true;
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        Assert.Equal(1, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
        Assert.True(store.Refused >= 2, "each card while the store refuses tries to count again");
        store.Refusing = false;

        // The first card after the outage starts the count and shows the old one until it is done.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters != 2 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
        Assert.Equal(2, (await votes.RecentTallyAsync(poll, CancellationToken.None)).Voters);
    }

    /// <summary>The store, except that while <see cref="Refusing"/> every query fails before it starts.</summary>
    private sealed class RefusingReads(ITableStore inner) : ITableStore
    {
        private int _refused;

        public bool Refusing { get; set; }

        /// <summary>How many queries were refused.</summary>
        public int Refused => Volatile.Read(ref _refused);

        private StorePage Refuse()
        {
            Interlocked.Increment(ref _refused);
            throw new StoreNotFoundException("The table is not there right now.");
        }

        public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

        public IStoreTable Table(string name) => new RefusingTable(inner.Table(name), this);

        private sealed class RefusingTable(IStoreTable inner, RefusingReads store) : IStoreTable
        {
            public string Name => inner.Name;

            public Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetAsync(partitionKey, rowKey, cancellationToken);

            public Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) => inner.InsertAsync(entity, cancellationToken);

            public Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) => inner.UpsertAsync(entity, cancellationToken);

            public Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default) => inner.UpdateAsync(entity, cancellationToken);

            public Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default) => inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);

            public Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default) => inner.SubmitBatchAsync(operations, cancellationToken);

            public Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default) =>
                store.Refusing
                    ? Task.FromResult(store.Refuse())
                    : inner.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);

            public Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default) =>
                inner.ScanAsync(pageSize, continuationToken, partitionKeyPrefix, cancellationToken);
        }
    }
}
