using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Tickets;
using TeamsEngage.People;
using TeamsEngage.Reporting;
using TeamsEngage.Storage;

namespace TeamsEngage.Bench.Reports;

/// <summary>
/// A school year of events, given to the figure writers the features themselves call as those events happen
/// (<see cref="TicketFigures"/>, <see cref="NoticeFigures"/>, <see cref="AskFigures"/>, <see cref="FeedbackFigures"/>), so
/// the figure rows are exactly the rows the app writes. Each event is a pure function of its index: the same every run.
/// </summary>
internal sealed class YearOfEvents(District district, DateTimeOffset now)
{
    private const int Parallelism = 4;

    /// <summary>The school days of the last 365 days (weekdays), oldest first.</summary>
    private readonly DateOnly[] _days = [.. Enumerable.Range(0, 365)
        .Select(i => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-364 + i))
        .Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)];

    public static string NoticeId(int notice) => "n" + notice.ToString("D31", System.Globalization.CultureInfo.InvariantCulture);

    public static string PollId(int poll) => "c" + poll.ToString("D31", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A moment of a school day (7:00 to 17:00 UTC), drawn from <paramref name="random"/>.</summary>
    public DateTimeOffset SchoolMoment(Random random) =>
        new DateTimeOffset(_days[random.Next(_days.Length)].ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddMinutes(random.Next(600));

    /// <summary>A wait of about <paramref name="typicalMinutes"/>, log-normally spread (most close to it, some ten times longer).</summary>
    public static TimeSpan Wait(Random random, double typicalMinutes)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return TimeSpan.FromMinutes(Math.Max(0.2, typicalMinutes * Math.Exp(normal)));
    }

    public bool Happened(DateTimeOffset at) => at <= now;

    public static Task ForEachAsync(int count, Func<int, Task> body) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            using var scope = TenantScope.Enter(District.Tenant);
            await body(i);
        });

    public District District => district;
}
