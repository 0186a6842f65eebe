using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TeamsEngage.Conversations;
using TeamsEngage.Outbox;

namespace TeamsEngage.Bench;

/// <summary>
/// The bot side of a run, in its own process so it can be killed hard: seeds conversations (not counted), starts the
/// broadcast, dispatches until no shard is open, and prints one JSON line of its own figures.
/// </summary>
internal static class HostCommand
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var choice = args.Store();
        var raw = choice.Create();
        await using var host = await BenchHost.StartAsync(choice, args.Limit, args.Concurrency);
        if (args.Start)
        {
            // A separate reference store for seeding, so its per-instance cache is not counted in the dispatcher's memory.
            await SeedAsync(raw, args.Recipients, args.SimulatorUrl);
        }
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        host.Store.Counting = true;
        var enqueueSeconds = 0.0;
        if (args.Start)
        {
            // The outbox records the broadcast's tenant and sends only to references of that tenant.
            using var tenant = TeamsEngage.Storage.TenantScope.Enter(BenchHost.TenantId);
            var receipt = await host.Outbox.StartBroadcastAsync(new BroadcastRequest(args.BroadcastId, BenchHost.Kind, "Network maintenance tonight"), BenchHost.Recipients(args.Recipients));
            enqueueSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine("started " + receipt.Queued.ToString(CultureInfo.InvariantCulture));
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        if (args.AwaitWork)
        {
            // Another instance seeds and starts the broadcast: this one joins when there is work, for thirty minutes at most.
            var joining = Stopwatch.StartNew();
            while (!await BenchHost.HasOpenShardsAsync(raw) && joining.Elapsed < TimeSpan.FromMinutes(30))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
        while (await BenchHost.HasOpenShardsAsync(raw))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        host.Store.Counting = false;
        var figures = new HostFigures(
            host.Store.Operations,
            enqueueSeconds,
            clock.Elapsed.TotalSeconds,
            sampler.PeakWorkingSet / 1048576.0,
            sampler.PeakHeap / 1048576.0,
            sampler.PeakLiveHeap / 1048576.0,
            host.Store.ByKind);
        Console.WriteLine("figures " + JsonSerializer.Serialize(figures));
        return 0;
    }

    private static async Task SeedAsync(Storage.ITableStore raw, int recipients, string serviceUrl)
    {
        var references = new ConversationReferenceStore(raw);
        await Parallel.ForEachAsync(Enumerable.Range(0, recipients), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await references.RefreshAsync(new ConversationReference(
                BenchHost.UserId(i), null, "Person " + i.ToString(CultureInfo.InvariantCulture), serviceUrl, BenchHost.ConversationId(i), BenchHost.TenantId, "28:bench", "en-US", "America/Chicago"), ct));
    }
}

/// <summary>What the bot process measured about itself.</summary>
/// <param name="PeakLiveHeapMb">The most memory still reachable after a full collection, sampled every 5 s: what the process retains.</param>
/// <param name="StoreOperationsByKind">The same operations by table and kind (<see cref="CountingTableStore.ByKind"/>).</param>
internal sealed record HostFigures(long StoreOperations, double EnqueueSeconds, double TotalSeconds, double PeakWorkingSetMb, double PeakGcHeapMb, double PeakLiveHeapMb, IReadOnlyDictionary<string, long>? StoreOperationsByKind = null);

/// <summary>
/// Samples the process's working set and GC heap every 100 ms, and the live heap (after a forced full collection)
/// every 5 s, and keeps the peaks. The GC heap peak includes garbage not yet collected; the live heap is what is kept.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Timer _liveTimer;
    private long _peakWorkingSet;
    private long _peakHeap;
    private long _peakLiveHeap;

    public MemorySampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        _liveTimer = new Timer(_ => Max(ref _peakLiveHeap, GC.GetTotalMemory(forceFullCollection: true)), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public long PeakLiveHeap => Interlocked.Read(ref _peakLiveHeap);

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    public void Dispose()
    {
        _timer.Dispose();
        _liveTimer.Dispose();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        Max(ref _peakWorkingSet, process.WorkingSet64);
        Max(ref _peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    private static void Max(ref long peak, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, current) != current)
        {
        }
    }
}
