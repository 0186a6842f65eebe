using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Bench;

/// <summary>
/// Several bot processes on one store and one simulator: they divide the tenant's limit through the store. With
/// <c>kill</c>, the first one (it starts the broadcast and, leasing first, holds as many shards as any) is killed
/// with SIGKILL once half the recipients have their message, and the admitted requests per second around the kill show
/// when the survivors took its work and its share.
/// </summary>
internal static class ScaleCommand
{
    private const double LeaseSeconds = 10;

    public static async Task<int> RunAsync(BenchArguments args, bool kill)
    {
        using var data = new TemporaryDirectory();
        using var azurite = args.StoreKind == "azurite" ? new AzuriteServer() : null;
        var settings = new SimulatorSettings(args.Limit, args.FaultRate, args.SlowRate, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(120));
        await using var simulator = await ConnectorSimulator.StartAsync(settings);
        string[] child =
        [
            "host", "--sim", simulator.BaseUrl, "--store", args.StoreKind, "--data", data.Path, "--recipients", Text(args.Recipients),
            "--limit", Text(args.Limit), "--concurrency", Text(args.Concurrency), "--broadcast", args.BroadcastId,
        ];
        var clock = Stopwatch.StartNew();
        var bots = new List<BotProcess> { BotProcess.Start([.. child, "--start"], azurite?.ConnectionString) };
        for (var i = 1; i < args.Instances; i++)
        {
            bots.Add(BotProcess.Start([.. child, "--await-work"], azurite?.ConnectionString));
        }
        try
        {
            var killed = kill ? await KillOneHalfWayAsync(args, simulator, bots[0]) : null;
            var figures = new List<HostFigures?>();
            foreach (var bot in kill ? bots.Skip(1) : bots)
            {
                figures.Add(await bot.WaitForFiguresAsync());
            }
            var wall = clock.Elapsed.TotalSeconds;
            var statuses = await BroadcastCommand.ReadStatusesAsync(args, data.Path, azurite?.ConnectionString);
            Report(args, simulator, figures, statuses, wall, killed);
            return 0;
        }
        finally
        {
            foreach (var bot in bots)
            {
                bot.Dispose();
            }
        }
    }

    private static async Task<Kill> KillOneHalfWayAsync(BenchArguments args, ConnectorSimulator simulator, BotProcess victim)
    {
        while (simulator.Delivered.Count < args.Recipients / 2)
        {
            await Task.Delay(20);
        }
        victim.KillHard();
        var kill = new Kill(victim.Id, simulator.Now, simulator.Successes);
        Console.WriteLine($"killed bot pid {kill.Pid} with SIGKILL at {kill.At:F1} s, after {kill.Delivered} deliveries");
        return kill;
    }

    private static void Report(BenchArguments args, ConnectorSimulator sim, List<HostFigures?> figures, Dictionary<Outbox.DeliveryStatus, int> statuses, double wall, Kill? killed)
    {
        var unique = sim.Delivered.Count;
        var admitted = sim.Requests - sim.Throttled;
        var active = sim.ActiveSeconds;
        Console.WriteLine();
        Console.WriteLine($"scenario            {args.Instances} bot processes{(killed is null ? string.Empty : ", one killed half-way")}, store {args.StoreKind}, {args.Recipients} recipients");
        Console.WriteLine($"limit               {args.Limit}/s for the tenant (each process configured with it), {args.Concurrency} in flight per process");
        Console.WriteLine($"connector requests  {sim.Requests} ({sim.Throttled} answered 429, {sim.Faults} answered 503)");
        Console.WriteLine($"sends/s             {admitted / active:F1} admitted/s = {admitted / active / args.Limit:P1} of the limit ({active:F1} s from first to last delivery)");
        Console.WriteLine($"deliveries          unique {unique}, lost {args.Recipients - unique}, duplicates {sim.Successes - unique}");
        Console.WriteLine($"records             " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))));
        Console.WriteLine($"store operations    " + string.Join(", ", figures.Select(f => f is null ? "?" : f.StoreOperations.ToString(CultureInfo.InvariantCulture))) + " per surviving process");
        var byKind = figures.Where(f => f?.StoreOperationsByKind is not null).SelectMany(f => f!.StoreOperationsByKind!)
            .GroupBy(p => p.Key, StringComparer.Ordinal).OrderByDescending(g => g.Sum(p => p.Value));
        Console.WriteLine($"  by kind (all)     " + string.Join(", ", byKind.Select(g => g.Key + " " + g.Sum(p => p.Value).ToString(CultureInfo.InvariantCulture))));
        Console.WriteLine($"wall time           {wall:F0} s");
        double? takeover = null;
        if (killed is null)
        {
            Console.WriteLine("admitted per second " + string.Join(' ', sim.AdmittedPerSecond.SkipWhile(n => n == 0).Reverse().SkipWhile(n => n == 0).Reverse()));
        }
        if (killed is not null)
        {
            takeover = Takeover(sim.AdmittedPerSecond, killed.At, args.Limit);
            var series = sim.AdmittedPerSecond;
            var from = Math.Max(0, (int)killed.At - 5);
            Console.WriteLine($"admitted per second from {from} s (kill at {killed.At:F1} s): " + string.Join(' ', series.Skip(from).Take(30)));
            Console.WriteLine($"takeover            {(takeover is { } t ? $"{t:F0} s after the kill (lease period {LeaseSeconds:F0} s)" : "not seen")}");
        }
        Console.WriteLine("json " + JsonSerializer.Serialize(new
        {
            args.StoreKind, args.Recipients, args.Limit, args.Instances, sim.Requests, sim.Throttled, sim.Faults, unique,
            lost = args.Recipients - unique, duplicates = sim.Successes - unique, ratio = admitted / active / args.Limit, killed, takeover, figures,
        }));
    }

    /// <summary>Seconds from the kill to the first whole second, of two in a row, with at least 90 % of the limit admitted.</summary>
    private static double? Takeover(long[] perSecond, double killedAt, double limit)
    {
        for (var second = (int)Math.Ceiling(killedAt); second + 1 < perSecond.Length; second++)
        {
            if (perSecond[second] >= 0.9 * limit && perSecond[second + 1] >= 0.9 * limit)
            {
                return second - killedAt;
            }
        }
        return null;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Kill(int Pid, double At, long Delivered);
}
