using Microsoft.Extensions.Options;
using NodaTime;

namespace TeamsEngage.Calendar;

/// <summary>
/// When a routine message may reach people: on a school day, inside working hours and outside every lesson, so that
/// nothing routine pings a teacher mid-lesson or at night. Urgent notices and live conversations never ask.
/// </summary>
public sealed class QuietHours(SchoolCalendars calendars, IOptions<CalendarOptions> options, TimeProvider clock)
{
    private readonly IReadOnlyList<SchoolHours> _lessons = options.Value.ParseLessons() ?? [];

    /// <summary>
    /// When a routine message to someone in the current tenant (in <paramref name="departmentCode"/>, whose lessons hold
    /// it) may go at the earliest; null when it may go now, or when no lessons are set.
    /// </summary>
    public async Task<DateTimeOffset?> HoldUntilAsync(string? departmentCode, CancellationToken cancellationToken) =>
        (await PlanAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)).For(departmentCode);

    /// <summary>The hold for someone without a department: the district's lessons.</summary>
    public Task<DateTimeOffset?> HoldUntilAsync(CancellationToken cancellationToken) => HoldUntilAsync(null, cancellationToken);

    /// <summary>When routine messages sent now may go, per recipient's department.</summary>
    public Task<QuietPlan> PlanAsync(CancellationToken cancellationToken) => PlanAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// How <paramref name="departments"/> (one entry per recipient: the recipient's department code, or null) stand
    /// against quiet hours for a routine message sent at <paramref name="at"/>; null when nobody would wait.
    /// </summary>
    public async Task<QuietWait?> ForecastAsync(IAsyncEnumerable<string?> departments, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var plan = await PlanAsync(at, cancellationToken).ConfigureAwait(false);
        var releases = new List<DateTimeOffset>();
        var now = 0;
        await foreach (var department in departments.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (plan.For(department) is { } release)
            {
                releases.Add(release);
            }
            else
            {
                now++;
            }
        }
        return QuietWait.From(now, releases);
    }

    /// <summary>When routine messages sent at <paramref name="at"/> may go, per recipient's department.</summary>
    public async Task<QuietPlan> PlanAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        new(await calendars.GetAsync(cancellationToken).ConfigureAwait(false), _lessons, at);

    /// <summary>
    /// The first instant at or after <paramref name="from"/> inside working hours of a school day and outside every
    /// lesson; <paramref name="from"/> itself when the calendar has no such time ahead (nothing waits forever).
    /// </summary>
    public static DateTimeOffset FirstAllowed(SchoolCalendar calendar, IReadOnlyList<SchoolHours> lessons, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(lessons);
        var zone = CalendarZones.Find(calendar.ZoneId);
        foreach (var (start, end) in SchoolTime.Periods(calendar, from))
        {
            var date = Instant.FromDateTimeOffset(start).InZone(zone).Date;
            var candidate = AfterLessons(lessons, date, zone, start);
            if (candidate < end)
            {
                return candidate;
            }
        }
        return from;
    }

    // Lessons are in order of their start, so one pass moves the candidate past every lesson that holds it.
    private static DateTimeOffset AfterLessons(IReadOnlyList<SchoolHours> lessons, LocalDate date, DateTimeZone zone, DateTimeOffset candidate)
    {
        foreach (var lesson in lessons)
        {
            var (start, end) = SchoolTime.Period(lesson, date, zone);
            if (start.ToDateTimeOffset() <= candidate && candidate < end.ToDateTimeOffset())
            {
                candidate = end.ToDateTimeOffset();
            }
        }
        return candidate;
    }
}

/// <summary>
/// When routine messages sent at one moment may go, by the recipient's department; null for a department whose people
/// may be sent to at once.
/// </summary>
public sealed class QuietPlan(SchoolCalendar calendar, IReadOnlyList<SchoolHours> configuredLessons, DateTimeOffset at)
{
    private readonly Dictionary<string, DateTimeOffset?> _byDepartment = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// When a routine message to someone of <paramref name="departmentCode"/> may go: the first minute outside HIS
    /// department's lessons, inside its hours; null for at once (also when no lessons are set for it).
    /// </summary>
    public DateTimeOffset? For(string? departmentCode)
    {
        var key = departmentCode ?? string.Empty;
        if (!_byDepartment.TryGetValue(key, out var hold))
        {
            var own = calendar.For(departmentCode);
            var lessons = own.Lessons ?? configuredLessons;
            var first = lessons.Count == 0 ? at : QuietHours.FirstAllowed(own, lessons, at);
            hold = first > at ? first : null;
            _byDepartment[key] = hold;
        }
        return hold;
    }
}
