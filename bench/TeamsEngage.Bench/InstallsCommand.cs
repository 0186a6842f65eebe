using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TeamsEngage.Bench.Votes;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Bench;

/// <summary>
/// A district-wide install: N people get the app at once (a Teams app setup policy), each announced twice as Teams
/// does (installationUpdate, then conversationUpdate), <c>--concurrency</c> at a time, over HTTP into the real bot's
/// /api/messages. The bot sends the welcomes to the connector simulator, which enforces the tenant's limit. Reports the
/// install turns' latency and failures, and the welcomes each person received.
/// </summary>
internal static class InstallsCommand
{
    private const string Tenant = "5f6c1a2e-8a57-4c1b-9d0e-3a2b1c0d9e8f";
    private const string BotId = "28:bench-bot";
    private static readonly TimeSpan WelcomeDeadline = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(BenchArguments args)
    {
        using var data = new TemporaryDirectory();
        using var azurite = args.StoreKind == "azurite" ? new AzuriteServer() : null;
        var simulatorSettings = new SimulatorSettings(args.Limit, args.FaultRate, args.SlowRate, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(120));
        await using var simulator = await ConnectorSimulator.StartAsync(simulatorSettings);
        var (app, baseUrl) = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = string.Empty,
            [azurite is null ? "Storage:DataDirectory" : "Storage:ConnectionString"] = azurite?.ConnectionString ?? data.Path,
            ["TeamsEngage:Outbox:RequestsPerSecond"] = Text(args.Limit),
        });
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

        var people = args.Recipients;
        var latencies = new double[people * 2];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, people, new ParallelOptions { MaxDegreeOfParallelism = args.Concurrency }, async (i, ct) =>
        {
            for (var turn = 0; turn < 2; turn++)
            {
                using var content = new StringContent(InstallJson(i, turn == 0, simulator.BaseUrl), Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, ct);
                latencies[(i * 2) + turn] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        var installsDone = clock.Elapsed;
        var deadline = Stopwatch.StartNew();
        while (simulator.Delivered.Count < people && deadline.Elapsed < WelcomeDeadline)
        {
            await Task.Delay(250);
        }
        // Anything still on its way (a duplicate) arrives within a few seconds of the last welcome.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Report(args, simulator, latencies, failures, installsDone, clock.Elapsed);
        return 0;
    }

    private static void Report(BenchArguments args, ConnectorSimulator sim, double[] latencies, int failures, TimeSpan installsDone, TimeSpan total)
    {
        Array.Sort(latencies);
        var unique = sim.Delivered.Count;
        var admitted = sim.Requests - sim.Throttled;
        var active = sim.ActiveSeconds;
        Console.WriteLine();
        Console.WriteLine($"scenario            district-wide install, store {args.StoreKind}, {args.Recipients} people, {args.Concurrency} installs at a time, each announced twice");
        Console.WriteLine($"limit               {args.Limit}/s per tenant at the connector, faults {args.FaultRate:P0} 503 + {args.SlowRate:P0} slow (800 ms)");
        Console.WriteLine($"install turns       {latencies.Length} in {installsDone.TotalSeconds:F1} s, failed {failures}; latency p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms");
        Console.WriteLine($"connector requests  {sim.Requests} ({sim.Throttled} answered 429, {sim.Faults} answered 503)");
        Console.WriteLine($"welcome sends/s     {admitted / Math.Max(active, 0.001):F1} requests/s = {admitted / Math.Max(active, 0.001) / args.Limit:P1} of the limit ({active:F1} s from first to last welcome)");
        Console.WriteLine($"welcomes            people welcomed {unique} of {args.Recipients}, none {args.Recipients - unique}, more than one {sim.Delivered.Values.Count(n => n > 1)} (extra messages {sim.Successes - unique}); last at {total.TotalSeconds:F1} s");
    }

    private static string InstallJson(int i, bool installationUpdate, string serviceUrl)
    {
        var user = "29:bench-installer-" + i.ToString(CultureInfo.InvariantCulture);
        var conversation = "a:bench-install-" + i.ToString(CultureInfo.InvariantCulture);
        var aad = new Guid(i, 0x1e57, 0x4a11, 0, 0, 0, 0, 0, 0, 0, 1).ToString();
        object activity = installationUpdate
            ? new
            {
                type = "installationUpdate",
                action = "add",
                id = "install-" + i.ToString(CultureInfo.InvariantCulture),
                serviceUrl,
                channelId = "msteams",
                from = new { id = user, name = "Teacher " + i.ToString(CultureInfo.InvariantCulture), aadObjectId = aad },
                conversation = new { conversationType = "personal", id = conversation, tenantId = Tenant },
                recipient = new { id = BotId, name = "TeamsEngage" },
                channelData = new { tenant = new { id = Tenant } },
                locale = "en-US",
            }
            : new
            {
                type = "conversationUpdate",
                id = "added-" + i.ToString(CultureInfo.InvariantCulture),
                serviceUrl,
                channelId = "msteams",
                from = new { id = user, aadObjectId = aad },
                conversation = new { conversationType = "personal", id = conversation, tenantId = Tenant },
                recipient = new { id = BotId, name = "TeamsEngage" },
                membersAdded = new[] { new { id = BotId } },
                channelData = new { tenant = new { id = Tenant } },
            };
        return JsonSerializer.Serialize(activity);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
