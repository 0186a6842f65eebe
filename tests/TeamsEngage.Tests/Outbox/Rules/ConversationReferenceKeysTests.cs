using TeamsEngage.Conversations;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.AnonymousAnswers;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// References are keyed by the user id in both partition and row. A table written before that (rows keyed
/// "personal") keeps working: its people are found, sent to and forgotten, and each row moves to the current key when
/// the person is next seen; a table that started empty is marked and never looked up under the old key.
/// </summary>
public sealed class ConversationReferenceKeysTests
{
    private const string Tenant = "6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a01";
    private const string OtherTenant = "6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a02";

    [Fact]
    public async Task APersonStoredUnderTheOldKeyIsFoundAndTheirRowMovesToTheCurrentKeyWhenTheyAreNextSeen()
    {
        using var files = await StoreInATempFolder.CreateAsync(ConversationReferenceStore.TableName);
        await WriteOldRowAsync(files, Ana(Tenant));
        var references = new ConversationReferenceStore(files.Store);

        Assert.Equal(Ana(Tenant), await references.FindAsync("29:ana", CancellationToken.None));

        Assert.True(await new ConversationReferenceStore(files.Store).RefreshAsync(Ana(Tenant), CancellationToken.None));
        var rows = await files.RowsAsync(ConversationReferenceStore.TableName, StoreKey.Escape("29:ana"));
        Assert.Equal(StoreKey.Escape("29:ana"), Assert.Single(rows).RowKey);
        Assert.Equal(Ana(Tenant), await new ConversationReferenceStore(files.Store).FindAsync("29:ana", CancellationToken.None));
    }

    [Fact]
    public async Task AChangedReferenceWrittenInAnOldTableLeavesNoOldRowBehind()
    {
        using var files = await StoreInATempFolder.CreateAsync(ConversationReferenceStore.TableName);
        await WriteOldRowAsync(files, Ana(Tenant));
        var references = new ConversationReferenceStore(files.Store);
        var moved = Ana(Tenant) with { ConversationId = "a:conv-ana-new" };

        Assert.True(await references.RefreshAsync(moved, CancellationToken.None));

        var row = Assert.Single(await files.RowsAsync(ConversationReferenceStore.TableName, StoreKey.Escape("29:ana")));
        Assert.Equal("a:conv-ana-new", row.GetString("ConversationId"));
        Assert.Equal(moved, await new ConversationReferenceStore(files.Store).FindAsync("29:ana", CancellationToken.None));
    }

    [Fact]
    public async Task ForgettingAPersonInAnOldTableRemovesTheirOldRowButNeverAnotherTenantsPerson()
    {
        using var files = await StoreInATempFolder.CreateAsync(ConversationReferenceStore.TableName);
        await WriteOldRowAsync(files, Ana(Tenant));
        await WriteOldRowAsync(files, Ana(OtherTenant) with { UserId = "29:ben" });
        var references = new ConversationReferenceStore(files.Store);

        using (TenantScope.Enter(Tenant))
        {
            Assert.True(await references.DeleteAsync("29:ana", CancellationToken.None));
            Assert.False(await references.DeleteAsync("29:ben", CancellationToken.None));
        }

        Assert.Empty(await files.RowsAsync(ConversationReferenceStore.TableName, StoreKey.Escape("29:ana")));
        Assert.Null(await references.FindAsync("29:ana", CancellationToken.None));
        Assert.NotNull(await references.FindAsync("29:ben", CancellationToken.None));
    }

    [Fact]
    public async Task ATableThatStartedEmptyIsMarkedSoAPersonWithoutAReferenceCostsOneRead()
    {
        using var files = await StoreInATempFolder.CreateAsync(ConversationReferenceStore.TableName);
        await new ConversationReferenceStore(files.Store).RefreshAsync(Ana(Tenant), CancellationToken.None);
        Assert.Single(await files.RowsAsync(ConversationReferenceStore.TableName, ConversationReferenceStore.CurrentLayoutMarker));

        var reads = new CountingReads(files.Store);
        var restarted = new ConversationReferenceStore(reads);
        Assert.Equal(Ana(Tenant), await restarted.FindAsync("29:ana", CancellationToken.None));
        Assert.Null(await restarted.FindAsync("29:nobody", CancellationToken.None));
        var marker = ConversationReferenceStore.CurrentLayoutMarker;
        Assert.Equal([(StoreKey.Escape("29:ana"), StoreKey.Escape("29:ana")), (StoreKey.Escape("29:nobody"), StoreKey.Escape("29:nobody")), (marker, marker)], reads.Gets);
        reads.Clear();

        Assert.Null(await restarted.FindAsync("29:nobody-else", CancellationToken.None));
        Assert.Equal([(StoreKey.Escape("29:nobody-else"), StoreKey.Escape("29:nobody-else"))], reads.Gets);
    }

    [Fact]
    public async Task AnOldTableIsNeverMarkedAndAPersonMissingUnderTheCurrentKeyIsLookedUpUnderTheOldOne()
    {
        using var files = await StoreInATempFolder.CreateAsync(ConversationReferenceStore.TableName);
        await WriteOldRowAsync(files, Ana(Tenant));
        var reads = new CountingReads(files.Store);
        var references = new ConversationReferenceStore(reads);
        Assert.Equal(Ana(Tenant), await references.FindAsync("29:ana", CancellationToken.None));
        reads.Clear();

        Assert.Null(await references.FindAsync("29:nobody", CancellationToken.None));

        var nobody = StoreKey.Escape("29:nobody");
        Assert.Equal([(nobody, nobody), (nobody, ConversationReferenceStore.OldRowKey)], reads.Gets);
        Assert.Empty(await files.RowsAsync(ConversationReferenceStore.TableName, ConversationReferenceStore.CurrentLayoutMarker));
    }

    private static ConversationReference Ana(string tenant) =>
        new("29:ana", "aad-ana", "Ana", "https://smba.trafficmanager.net/amer/", "a:conv-ana", tenant, "28:bot", "es-MX", "America/Chicago");

    /// <summary>A row as the earlier layout wrote it: the user id as partition, "personal" as row.</summary>
    private static Task<StoreEntity> WriteOldRowAsync(StoreInATempFolder files, ConversationReference r) =>
        files.Store.Table(ConversationReferenceStore.TableName).UpsertAsync(new StoreEntity(StoreKey.Escape(r.UserId), ConversationReferenceStore.OldRowKey, new Dictionary<string, object?>
        {
            ["AadObjectId"] = r.AadObjectId,
            ["Name"] = r.Name,
            ["ServiceUrl"] = r.ServiceUrl,
            ["ConversationId"] = r.ConversationId,
            ["TenantId"] = r.TenantId,
            ["BotId"] = r.BotId,
            ["Locale"] = r.Locale,
            ["TimeZone"] = r.TimeZone,
        }));

    /// <summary>The store, recording every point read of the references table.</summary>
    private sealed class CountingReads(ITableStore inner) : ITableStore
    {
        private readonly List<(string, string)> _gets = [];

        public IReadOnlyList<(string, string)> Gets
        {
            get
            {
                lock (_gets)
                {
                    return [.. _gets];
                }
            }
        }

        public void Clear()
        {
            lock (_gets)
            {
                _gets.Clear();
            }
        }

        public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

        public IStoreTable Table(string name) => new Counted(inner.Table(name), this);

        private sealed class Counted(IStoreTable table, CountingReads owner) : StoreTableDecorator(table)
        {
            public override Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
            {
                lock (owner._gets)
                {
                    owner._gets.Add((partitionKey, rowKey));
                }
                return base.GetAsync(partitionKey, rowKey, cancellationToken);
            }
        }
    }
}
