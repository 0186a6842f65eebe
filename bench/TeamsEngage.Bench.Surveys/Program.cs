using System.Diagnostics;
using System.Globalization;
using System.Text;
using TeamsEngage.Bench.Surveys;
using TeamsEngage.Bench.Votes;

// Usage: dotnet run -c Release --project bench/TeamsEngage.Bench.Surveys -- [sqlite|azurite|both] [people] [concurrency]
var store = args.Length > 0 ? args[0] : "sqlite";
var people = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
var report = new StringBuilder();

if (store is "sqlite" or "both")
{
    var data = Path.Combine(Path.GetTempPath(), "teamsengage-surveys-" + Guid.NewGuid().ToString("N"));
    try
    {
        report.AppendLine(await RunAsync("embedded SQLite", new Dictionary<string, string?> { ["Storage:DataDirectory"] = data }, people, concurrency));
    }
    finally
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
if (store is "azurite" or "both")
{
    await using var azurite = await Azurite.StartAsync(FindRepositoryRoot());
    report.AppendLine(await RunAsync("Azurite", new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString }, people, concurrency));
}
Console.WriteLine(report.ToString());

static async Task<string> RunAsync(string name, Dictionary<string, string?> settings, int people, int concurrency)
{
    settings["MicrosoftAppId"] = string.Empty;
    var (app, baseUrl) = await BotHost.StartAsync(settings);
    await using var _ = app;
    var surveyId = await SurveySeeding.SeedSurveyAsync(app.Services, people);
    await SurveySeeding.SeedPeopleAsync(app.Services, people, baseUrl);
    using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    var latencies = new double[people];
    var failures = 0;
    var total = Stopwatch.StartNew();
    await Parallel.ForAsync(0, people, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
    {
        using var content = new StringContent(SurveySeeding.InvokeJson(surveyId, i, baseUrl), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !body.Contains("survey.change", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref failures);
        }
    });
    total.Stop();
    var results = await SurveySeeding.ResultsAsync(app.Services, surveyId);
    var expected = SurveySeeding.ExpectedCounts(people);
    var exact = results.Respondents == people && results.Questions!.Select(q => q.Counts).Zip(expected).All(p => p.First.SequenceEqual(p.Second));
    Array.Sort(latencies);
    return string.Create(CultureInfo.InvariantCulture, $"""
        {name}: {people} people answering {SurveySeeding.Questions.Length} questions, concurrency {concurrency}
          elapsed {total.Elapsed.TotalSeconds:F1} s, {people / total.Elapsed.TotalSeconds:F0} invokes/s, failures {failures}
          invoke latency p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms
          respondents {results.Respondents}; tallies of every question against those counted apart: {(exact ? "exact" : "MISMATCH")}
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
