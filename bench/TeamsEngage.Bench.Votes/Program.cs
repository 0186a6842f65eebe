using System.Diagnostics;
using System.Globalization;
using System.Text;
using TeamsEngage.Bench.Votes;
using TeamsEngage.Features.Polls;
using TeamsEngage.People;

// Usage: dotnet run -c Release --project bench/TeamsEngage.Bench.Votes -- [sqlite|azurite|both] [voters] [concurrency]
var store = args.Length > 0 ? args[0] : "both";
var voters = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
var root = FindRepositoryRoot();
var report = new StringBuilder();

if (store is "sqlite" or "both")
{
    var data = Path.Combine(Path.GetTempPath(), "teamsengage-votes-" + Guid.NewGuid().ToString("N"));
    try
    {
        report.AppendLine(await RunAsync("embedded SQLite", new Dictionary<string, string?> { ["Storage:DataDirectory"] = data }, voters, concurrency));
    }
    finally
    {
        Directory.Delete(data, recursive: true);
    }
}
if (store is "azurite" or "both")
{
    await using var azurite = await Azurite.StartAsync(root);
    report.AppendLine(await RunAsync("Azurite", new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString }, voters, concurrency));
}
Console.WriteLine(report.ToString());

static async Task<string> RunAsync(string name, Dictionary<string, string?> settings, int voters, int concurrency)
{
    settings["MicrosoftAppId"] = string.Empty;
    settings["TeamsEngage:Polls:TallyCacheDuration"] = "00:00:02";
    var (app, baseUrl) = await BotHost.StartAsync(settings);
    await using var _ = app;
    var pollId = await VoteSeeding.SeedPollAsync(app.Services, voters);
    await VoteSeeding.SeedVotersAsync(app.Services, voters, baseUrl);
    using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    var latencies = new double[voters];
    var failures = 0;
    var total = Stopwatch.StartNew();
    await Parallel.ForAsync(0, voters, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
    {
        using var content = new StringContent(VoteSeeding.InvokeJson(pollId, i, baseUrl), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref failures);
        }
    });
    total.Stop();
    var counts = await VoteSeeding.CountAsync(app.Services, pollId);
    var expected = VoteSeeding.ExpectedCounts(voters);
    Array.Sort(latencies);
    return string.Create(CultureInfo.InvariantCulture, $"""
        {name}: {voters} votes, concurrency {concurrency}
          elapsed {total.Elapsed.TotalSeconds:F1} s, {voters / total.Elapsed.TotalSeconds:F0} invokes/s, failures {failures}
          invoke latency p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms
          final counts [{string.Join(", ", counts.Counts)}] of {counts.Voters} voters; expected [{string.Join(", ", expected)}]: {(counts.Counts.SequenceEqual(expected) && counts.Voters == voters ? "exact" : "MISMATCH")}
        """);
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsEngage.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
