using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Bench;

/// <summary>Runs the simulator (and Azurite when asked), the bot as a child process, and reports the figures.</summary>
internal static class BroadcastCommand
{
    public static async Task<int> RunAsync(BenchArguments args, bool resume)
    {
        using var data = new TemporaryDirectory();
        using var azurite = args.StoreKind == "azurite" ? new AzuriteServer() : null;
        var settings = new SimulatorSettings(args.Limit, args.FaultRate, args.SlowRate, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(120));
        await using var simulator = await ConnectorSimulator.StartAsync(settings);
        var child = new List<string>
        {
            "host", "--sim", simulator.BaseUrl, "--store", args.StoreKind, "--data", data.Path, "--recipients", Text(args.Recipients),
            "--limit", Text(args.Limit), "--concurrency", Text(args.Concurrency), "--broadcast", args.BroadcastId,
        };
        var clock = Stopwatch.StartNew();
        using var first = BotProcess.Start([.. child, "--start"], azurite?.ConnectionString);
        HostFigures? figures;
        long atKill = 0;
        if (resume)
        {
            while (simulator.Delivered.Count < args.Recipients / 2)
            {
                await Task.Delay(20);
            }
            first.KillHard();
            atKill = simulator.Successes;
            Console.WriteLine($"killed the bot (pid {first.Id}) after {atKill} deliveries; starting it again");
            using var second = BotProcess.Start([.. child], azurite?.ConnectionString);
            figures = await second.WaitForFiguresAsync();
        }
        else
        {
            figures = await first.WaitForFiguresAsync();
        }
        var wall = clock.Elapsed.TotalSeconds;
        var statuses = await ReadStatusesAsync(args, data.Path, azurite?.ConnectionString);
        Report(args, resume, simulator, figures, wall, atKill, statuses);
        return 0;
    }

    /// <summary>How many delivery records of the broadcast end in each status, read from the store after the run.</summary>
    public static async Task<Dictionary<DeliveryStatus, int>> ReadStatusesAsync(BenchArguments args, string dataPath, string? connectionString)
    {
        var store = new StoreChoice(args.StoreKind, dataPath, connectionString).Create();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddSingleton(store).AddOutbox().BuildServiceProvider();
        var outbox = services.GetRequiredService<IOutbox>();
        var statuses = new Dictionary<DeliveryStatus, int>();
        using var tenant = TeamsEngage.Storage.TenantScope.Enter(BenchHost.TenantId);
        await foreach (var record in outbox.ReadDeliveriesAsync(args.BroadcastId))
        {
            statuses[record.Status] = statuses.GetValueOrDefault(record.Status) + 1;
        }
        (store as IDisposable)?.Dispose();
        return statuses;
    }

    private static void Report(BenchArguments args, bool resume, ConnectorSimulator sim, HostFigures? figures, double wall, long atKill, Dictionary<DeliveryStatus, int> statuses)
    {
        var unique = sim.Delivered.Count;
        var lost = args.Recipients - unique;
        var duplicates = sim.Successes - unique;
        var admitted = sim.Requests - sim.Throttled;
        var active = sim.ActiveSeconds;
        Console.WriteLine();
        Console.WriteLine($"scenario            {(resume ? "resume after kill -9" : "broadcast")}, store {args.StoreKind}, {args.Recipients} recipients");
        Console.WriteLine($"limit               {args.Limit}/s per tenant, {args.Concurrency} in flight, faults {args.FaultRate:P0} 503 + {args.SlowRate:P0} slow (800 ms), latency 20-120 ms");
        Console.WriteLine($"connector requests  {sim.Requests} ({sim.Throttled} answered 429, {sim.Faults} answered 503)");
        Console.WriteLine($"sends/s             {admitted / active:F1} requests/s = {admitted / active / args.Limit:P1} of the limit; {sim.Successes / active:F1} deliveries/s ({active:F1} s from first to last delivery)");
        Console.WriteLine($"deliveries          unique {unique}, lost {lost}, duplicates {duplicates}" + (resume ? $" (delivered before the kill: {atKill})" : string.Empty));
        Console.WriteLine($"records             " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))));
        if (figures is not null)
        {
            Console.WriteLine($"store operations    {figures.StoreOperations} = {(double)figures.StoreOperations / args.Recipients:F2} per recipient" + (resume ? " (second process only)" : string.Empty));
            Console.WriteLine($"  by kind           " + string.Join(", ", (figures.StoreOperationsByKind ?? new Dictionary<string, long>()).OrderByDescending(p => p.Value).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))));
            Console.WriteLine($"bot process         peak working set {figures.PeakWorkingSetMb:F0} MB, peak GC heap {figures.PeakGcHeapMb:F0} MB, peak live heap {figures.PeakLiveHeapMb:F1} MB, enqueue {figures.EnqueueSeconds:F1} s");
        }
        Console.WriteLine($"wall time           {wall:F0} s");
        Console.WriteLine("json " + JsonSerializer.Serialize(new
        {
            args.StoreKind, args.Recipients, args.Limit, resume, sim.Requests, sim.Throttled, sim.Faults, unique, lost, duplicates,
            ratio = admitted / active / args.Limit, figures,
        }));
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The bot as a child process, stopped by its PID.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<HostFigures?> _figures = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static BotProcess Start(IReadOnlyList<string> arguments, string? connectionString)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BotProcess).Assembly.Location);
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        if (connectionString is not null)
        {
            info.Environment[BenchArguments.ConnectionStringVariable] = connectionString;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("bot: " + e.Data); } };
        process.Exited += (_, _) => bot._figures.TrySetResult(null);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    public async Task<HostFigures?> WaitForFiguresAsync()
    {
        var figures = await _figures.Task;
        await _process.WaitForExitAsync();
        return figures;
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, leases are not released, sends in flight are cut.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith("figures ", StringComparison.Ordinal))
        {
            _figures.TrySetResult(JsonSerializer.Deserialize<HostFigures>(line["figures ".Length..]));
            return;
        }
        Console.WriteLine("bot: " + line);
    }
}
