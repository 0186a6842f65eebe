using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Reports;
using TeamsEngage.Reporting;
using TeamsEngage.Storage;

namespace TeamsEngage.Bench.Reports;

/// <summary>The real bot on the seeded store (a fresh process state), the pages asked for over HTTP, the figures printed.</summary>
internal static class Measuring
{
    public static async Task RunAsync(District district, string data, int requests)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["MicrosoftAppId"] = string.Empty,
            // A plain entry names an administrator of the home tenant only; the district is named with it.
            ["TeamsEngage:Administrators:0"] = District.Tenant + "/" + District.AdminObjectId,
        };
        var (app, baseUrl) = await ReportsHost.StartAsync(settings);
        await using var _ = app;
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var viewers = new (string Name, string Cookie, string Department)[]
        {
            ("administrator", await PageTimings.SignInAsync(app.Services, http, District.AdminUserId, District.AdminObjectId), district.Codes[6]),
            ("liaison", await PageTimings.SignInAsync(app.Services, http, District.LiaisonUserId, District.LiaisonObjectId), district.Codes[1]),
        };
        await TimeReadsAsync(app.Services, today);
        using var sampler = new WorkingSetSampler();
        var timings = new List<PageTiming>();
        var started = Stopwatch.StartNew();
        foreach (var (name, cookie, department) in viewers)
        {
            foreach (var request in PageTimings.Requests(name, today, department))
            {
                var timing = await PageTimings.TimeAsync(http, cookie, request, requests);
                timings.Add(timing);
                Console.WriteLine(Row(timing));
            }
        }
        Console.WriteLine();
        Console.WriteLine(Table(timings, requests));
        var over = timings.Where(t => t.P95 >= 1000).ToList();
        var rows = await CountFigureRowsAsync(data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {timings.Count * requests} requests in {started.Elapsed.TotalSeconds:F0} s; failures {timings.Sum(t => t.Failures)}
            pages with p95 >= 1 s: {(over.Count == 0 ? "none" : string.Join(", ", over.Select(t => $"{t.Request.Viewer} {t.Request.Period} {t.Request.Page}")))}
            working set while serving: peak {sampler.Peak / 1048576.0:F0} MiB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB (seeding included)
            figure rows in the store: {rows}
            """));
    }

    /// <summary>Where a year's page spends its time: reading one area's rows for the year and the year before, alone.</summary>
    private static async Task TimeReadsAsync(IServiceProvider services, DateOnly today)
    {
        using var tenant = TenantScope.Enter(District.Tenant);
        var store = services.GetRequiredService<FigureStore>();
        foreach (var area in new[] { TicketCounters.Area, NoticeCounters.Area, PollCounters.Area, FeedbackCounters.Area })
        {
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                rows = (await store.ReadAsync(area, today.AddDays(-2 * ReportQueries.MaxDays + 1), today, CancellationToken.None)).Count;
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reading {area} over two years: {rows} rows (shards added up), median {times.Order().ElementAt(2):F0} ms"));
        }
    }

    private static string Row(PageTiming t) => string.Create(CultureInfo.InvariantCulture,
        $"| {t.Request.Viewer} | {t.Request.Period} | {t.Request.Page} | {t.P50:F0} | {t.P95:F0} | {t.Max:F0} | {t.Bytes / 1024.0:F0} |{(t.Failures > 0 ? $" {t.Failures} failed" : string.Empty)}");

    private static string Table(List<PageTiming> timings, int requests) =>
        string.Create(CultureInfo.InvariantCulture, $"| viewer | period | page | p50 ms | p95 ms | max ms | KiB |   ({requests} requests each)\n|---|---|---|---:|---:|---:|---:|\n")
        + string.Join('\n', timings.Select(Row));

    private static async Task<long> CountFigureRowsAsync(string data)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "teamsengage.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{FigureStore.TableName}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Samples the process's working set every 50 ms while alive; <see cref="Peak"/> is the largest seen.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public WorkingSetSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}
