using NodaTime;
using NodaTime.TimeZones;

namespace TeamsEngage.Calendar;

/// <summary>
/// Time counted in school hours: pure functions of a calendar and instants. Open periods are half-open, [opening,
/// closing), so an amount that runs out exactly at a closing lands on the next opening and every answer of
/// <see cref="Add"/> is an instant when school is open.
/// </summary>
public static class SchoolTime
{
    /// <summary>How far ahead a calendar is searched for school time; a calendar with none that far counts elapsed time.</summary>
    private const int HorizonDays = 3 * 366;

    /// <summary>A repeated wall-clock time is its first occurrence; a skipped one is the first instant after the gap.</summary>
    private static readonly ZoneLocalMappingResolver JustAfterTheGap =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The first open instant at which <paramref name="amount"/> of school time has passed since <paramref name="from"/>.</summary>
    public static DateTimeOffset Add(SchoolCalendar calendar, DateTimeOffset from, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var remaining = amount;
        foreach (var (start, end) in Periods(calendar, from))
        {
            var available = end - start;
            if (remaining < available)
            {
                return start + remaining;
            }
            remaining -= available;
        }
        return from + amount;
    }

    /// <summary>The first open instant at or after <paramref name="instant"/>.</summary>
    public static DateTimeOffset NextOpen(SchoolCalendar calendar, DateTimeOffset instant) => Add(calendar, instant, TimeSpan.Zero);

    /// <summary>How much school time lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static TimeSpan Between(SchoolCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }
        foreach (var (start, end) in Periods(calendar, from))
        {
            if (start >= to)
            {
                break;
            }
            total += (end < to ? end : to) - start;
        }
        return total;
    }

    /// <summary>True when school is open at <paramref name="instant"/>.</summary>
    public static bool IsOpen(SchoolCalendar calendar, DateTimeOffset instant)
    {
        var (start, _) = Periods(calendar, instant).FirstOrDefault();
        return start == instant;
    }

    /// <summary>
    /// Where a promise due at <paramref name="due"/> moves when the calendar changes from <paramref name="before"/> to
    /// <paramref name="after"/> at <paramref name="now"/>: the school time it had left, counted again in the new calendar.
    /// </summary>
    public static DateTimeOffset Shift(SchoolCalendar before, SchoolCalendar after, DateTimeOffset now, DateTimeOffset due) =>
        due <= now ? due : Add(after, now, Between(before, now, due));

    /// <summary>The open periods from <paramref name="from"/> on, the first one clipped to start at it.</summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Periods(SchoolCalendar calendar, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var zone = CalendarZones.Find(calendar.ZoneId);
        var instant = Instant.FromDateTimeOffset(from);
        var date = instant.InZone(zone).Date;
        for (var day = 0; day < HorizonDays; day++, date = date.PlusDays(1))
        {
            if (!calendar.IsSchoolDay(date.ToDateOnly()))
            {
                continue;
            }
            var (open, close) = Period(calendar.Hours, date, zone);
            if (close <= instant)
            {
                continue;
            }
            yield return ((open > instant ? open : instant).ToDateTimeOffset(), close.ToDateTimeOffset());
        }
    }

    /// <summary>The opening and closing instants of a school day; a wall-clock time skipped by daylight saving moves to just after the gap.</summary>
    public static (Instant Open, Instant Close) Period(SchoolHours hours, LocalDate date, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        var open = date.At(LocalTime.FromTimeOnly(hours.Start)).InZone(zone, JustAfterTheGap).ToInstant();
        var close = hours.EndsAtMidnight
            ? zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
            : date.At(LocalTime.FromTimeOnly(hours.End)).InZone(zone, JustAfterTheGap).ToInstant();
        return (open, close);
    }
}
