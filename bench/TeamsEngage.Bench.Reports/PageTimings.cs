using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Reports;

namespace TeamsEngage.Bench.Reports;

/// <summary>One page (or one of its tables as CSV) as one viewer asks for it with one set of filters.</summary>
internal sealed record PageRequest(string Viewer, string Period, string Page, string Path, bool Csv);

/// <summary>What N requests of one <see cref="PageRequest"/> took, in milliseconds, sorted.</summary>
internal sealed record PageTiming(PageRequest Request, double[] Milliseconds, int Failures, long Bytes)
{
    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double Max => Milliseconds[^1];

    private double Percentile(double p) => Milliseconds[Math.Clamp((int)Math.Ceiling(p * Milliseconds.Length) - 1, 0, Milliseconds.Length - 1)];
}

/// <summary>
/// Signs in through the real signed link (<see cref="ReportSessions"/>), as the <c>reports</c> card's button does, then
/// asks for every page and a CSV of each over HTTP, one request at a time, and times each.
/// </summary>
internal static class PageTimings
{
    /// <summary>The table each page offers as CSV in the bench.</summary>
    private static readonly Dictionary<string, string> CsvTable = new(StringComparer.Ordinal)
    {
        [ReportPageNames.Overview] = "opened-per-day",
        [ReportPageNames.Notices] = "by-department",
        [ReportPageNames.Participation] = "by-department",
        [ReportPageNames.Surveys] = "surveys",
        [ReportPageNames.Tickets] = "by-department",
        [ReportPageNames.Feedback] = "by-department",
    };

    public static async Task<string> SignInAsync(IServiceProvider services, HttpClient http, string userId, string objectId)
    {
        var link = await services.GetRequiredService<ReportSessions>().SignInLinkAsync(new ReportIdentity(District.Tenant, userId, objectId), CancellationToken.None);
        using var response = await http.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            throw new InvalidOperationException($"Signing in as {userId} was refused: {(int)response.StatusCode}.");
        }
        return cookies.First(c => c.StartsWith(ReportSessions.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>Every page and its CSV, for the default period, the whole year, and the whole year of one department.</summary>
    public static IEnumerable<PageRequest> Requests(string viewer, DateOnly today, string department)
    {
        var from = today.AddDays(-(ReportQueries.MaxDays - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string Name, string Query)[] periods =
        [
            ("30 days", string.Empty),
            ("year", $"?from={from}&to={to}"),
            ("year, " + department, $"?from={from}&to={to}&dept={department}"),
        ];
        foreach (var (period, query) in periods)
        {
            foreach (var page in ReportPageNames.All)
            {
                yield return new(viewer, period, page, "/reports/" + page + query, false);
                yield return new(viewer, period, page + ".csv", "/reports/" + page + "/" + CsvTable[page] + ".csv" + query, true);
            }
        }
    }

    public static async Task<PageTiming> TimeAsync(HttpClient http, string cookie, PageRequest request, int times)
    {
        var milliseconds = new double[times];
        var failures = 0;
        long bytes = 0;
        // One request first, not counted: the first render of a page compiles its code.
        await SendAsync(http, cookie, request.Path);
        for (var i = 0; i < times; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var (ok, length) = await SendAsync(http, cookie, request.Path);
            milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            failures += ok ? 0 : 1;
            bytes = length;
        }
        Array.Sort(milliseconds);
        return new PageTiming(request, milliseconds, failures, bytes);
    }

    private static async Task<(bool Ok, long Length)> SendAsync(HttpClient http, string cookie, string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        message.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode == HttpStatusCode.OK && body.Length > 0, body.Length);
    }
}
