using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Conversations;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Tests.AnonymousAnswers;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// The sending side of the outbox built by hand on a store in a temporary folder and a fake clock, so one rule can be
/// checked at a time: the recorder, the failure rules and the header cache, with every meter they add to caught.
/// </summary>
internal sealed class OutboxParts : IDisposable
{
    public const string Tenant = "6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a01";
    public const string OtherTenant = "6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a02";
    public const string ThirdTenant = "6f1b7b1e-4f4e-4a53-9d55-3a0f0c1e2a03";

    private readonly StoreInATempFolder _files;
    private readonly ServiceProvider _meterServices;
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, long Value, Dictionary<string, object?> Tags)> _measurements = [];

    private OutboxParts(StoreInATempFolder files, OutboxOptions options, Func<IStoreTable, IStoreTable>? bend)
    {
        _files = files;
        Options = options;
        Store = new BentStore(files.Store, bend ?? (t => t));
        Tables = new OutboxTables(Store);
        _meterServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _meterServices.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var named = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                named[tag.Key] = tag.Value;
            }
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, named));
            }
        });
        _listener.Start();
        Metrics = new OutboxMetrics(meters);
        Recorder = new DeliveryRecorder(Tables, Metrics, Clock, NullLogger<DeliveryRecorder>.Instance);
        Limiter = new TenantRateLimiter(1000, 10, Clock);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var shares = new RateShares(Tables, Limiter, new HeldWork(wrapped, Clock), wrapped, Clock, NullLogger<RateShares>.Instance);
        Failures = new SendFailures(Recorder, Limiter, shares, Metrics, wrapped, Clock, NullLogger<SendFailures>.Instance);
        Headers = new BroadcastHeaderCache(Tables, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public OutboxOptions Options { get; }

    /// <summary>The store as the parts see it (through the test's decorators).</summary>
    public ITableStore Store { get; }

    public OutboxTables Tables { get; }

    public OutboxMetrics Metrics { get; }

    public DeliveryRecorder Recorder { get; }

    public TenantRateLimiter Limiter { get; }

    public SendFailures Failures { get; }

    public BroadcastHeaderCache Headers { get; }

    /// <summary>The parts on a fresh store; <paramref name="bend"/> may put a decorator around any of its tables.</summary>
    public static async Task<OutboxParts> CreateAsync(OutboxOptions? options = null, Func<IStoreTable, IStoreTable>? bend = null)
    {
        var files = await StoreInATempFolder.CreateAsync(OutboxKeys.RowsTable, OutboxKeys.WorkTable, OutboxKeys.BroadcastsTable, ConversationReferenceStore.TableName);
        return new OutboxParts(files, options ?? new OutboxOptions(), bend);
    }

    /// <summary>A pending row of a broadcast's first shard for one person, as the writer leaves it.</summary>
    public async Task<PendingRow> BroadcastRowAsync(string broadcastId, string userId, string? rowTenant = Tenant, BroadcastHeader? header = null)
    {
        var item = new WorkItem(OutboxKeys.ShardPartition(broadcastId, 0), OutboxPriority.Bulk, broadcastId) { Header = header };
        var row = await _files.Store.Table(OutboxKeys.RowsTable).InsertAsync(new StoreEntity(item.PartitionKey, StoreKey.Escape(userId), new Dictionary<string, object?>
        {
            [RowFields.Status] = nameof(DeliveryStatus.Pending),
            [RowFields.UserId] = userId,
            [RowFields.TenantId] = rowTenant,
        }));
        return new PendingRow(item, row);
    }

    /// <summary>A single message waiting in the normal queue.</summary>
    public async Task<PendingRow> QueuedRowAsync(string userId, IReadOnlyDictionary<string, object?>? fields = null)
    {
        var item = new WorkItem(OutboxKeys.QueuePartition(OutboxPriority.Normal), OutboxPriority.Normal, null);
        var properties = new Dictionary<string, object?>
        {
            [RowFields.UserId] = userId,
            [RowFields.TenantId] = Tenant,
        };
        foreach (var (name, value) in fields ?? new Dictionary<string, object?>())
        {
            properties[name] = value;
        }
        var row = await _files.Store.Table(OutboxKeys.RowsTable).InsertAsync(new StoreEntity(item.PartitionKey, OutboxKeys.QueueRowKey(Clock.GetUtcNow()), properties));
        return new PendingRow(item, row);
    }

    /// <summary>The row as stored now, read past any decorator.</summary>
    public Task<StoreEntity?> StoredAsync(PendingRow pending) =>
        _files.Store.Table(OutboxKeys.RowsTable).GetAsync(pending.Row.PartitionKey, pending.Row.RowKey);

    /// <summary>Writes a broadcast's header straight into the store.</summary>
    public Task WriteHeaderAsync(BroadcastHeader header) => _files.Store.Table(OutboxKeys.BroadcastsTable).UpsertAsync(header.ToEntity());

    public static BroadcastHeader Header(string broadcastId, bool cancelled = false, string? tenant = Tenant) => new(
        broadcastId, "notice", "{}", OutboxPriority.Bulk, 1, cancelled, true, new DateTimeOffset(2031, 3, 10, 8, 0, 0, TimeSpan.Zero), false, null, tenant);

    /// <summary>The sum a meter was given, over the measurements carrying every tag asked for.</summary>
    public long Sum(string instrument, params (string Key, object? Value)[] tags)
    {
        lock (_measurements)
        {
            return _measurements
                .Where(m => m.Name == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
                .Sum(m => m.Value);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meterServices.Dispose();
        Limiter.Dispose();
        _files.Dispose();
    }

    private sealed class BentStore(ITableStore inner, Func<IStoreTable, IStoreTable> bend) : ITableStore
    {
        public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

        public IStoreTable Table(string name) => bend(inner.Table(name));
    }
}
