using TeamsEngage.Storage;

namespace TeamsEngage.Calendar;

/// <summary>Changes to a tenant's calendar that move school time, followed by every <see cref="ICalendarFollower"/>.</summary>
public sealed partial class SchoolCalendars(CalendarStore store, IEnumerable<ICalendarFollower> followers, ILogger<SchoolCalendars> logger)
{
    /// <summary>The calendar in force for the current tenant.</summary>
    public Task<SchoolCalendar> GetAsync(CancellationToken cancellationToken) => store.GetAsync(cancellationToken);

    /// <summary>The calendar a person of <paramref name="departmentCode"/> lives by (the district's when it has none of its own).</summary>
    public async Task<SchoolCalendar> ForDepartmentAsync(string? departmentCode, CancellationToken cancellationToken) =>
        (await store.GetAsync(cancellationToken).ConfigureAwait(false)).For(departmentCode);

    /// <summary>
    /// Stores what <paramref name="decide"/> makes of the calendar; when school time changed, tells the followers with
    /// the calendars before and after. Returns the update's result.
    /// </summary>
    public async Task<UpdateResult<StoredCalendar, SchoolCalendar>> ChangeAsync(Func<SchoolCalendar, Decision<SchoolCalendar>> decide, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SchoolCalendar? before = null;
        var result = await store.ChangeAsync(current =>
        {
            before = current;
            return decide(current);
        }, cancellationToken).ConfigureAwait(false);
        if (result is { Written: true, Change: { } after } && before is not null && MovesSchoolTime(before, after))
        {
            foreach (var follower in followers)
            {
                await follower.SchoolTimeChangedAsync(before, after, now, cancellationToken).ConfigureAwait(false);
            }
            LogSchoolTimeChanged(logger, after.Closures.Count, after.Breaks.Count);
        }
        return result;
    }

    private static bool MovesSchoolTime(SchoolCalendar before, SchoolCalendar after) =>
        before.ZoneId != after.ZoneId || before.Hours != after.Hours
        || !before.SchoolDays.SequenceEqual(after.SchoolDays)
        || !before.Closures.SequenceEqual(after.Closures) || !before.Breaks.SequenceEqual(after.Breaks)
        || !before.Departments.Select(d => (d.Code, d.Hours)).SequenceEqual(after.Departments.Select(d => (d.Code, d.Hours)));

    [LoggerMessage(Level = LogLevel.Information, Message = "School time changed: {Closures} closures and {Breaks} breaks now; open promises follow")]
    private static partial void LogSchoolTimeChanged(ILogger logger, int closures, int breaks);
}
