namespace TeamsEngage.Calendar;

/// <summary>What a planned period runs into.</summary>
public enum ConflictKind
{
    Testing,
    Exams,
    Freeze,
    Closure,
    Break,
    NoSchoolDay,
}

/// <summary>One thing a period overlaps: a named window, a closure, a break, or a day without school (a weekend).</summary>
public sealed record CalendarConflict(ConflictKind Kind, string Name, DateOnly? Date = null);

/// <summary>What a planned period (a deployment's window) overlaps in the calendar: pure, like <see cref="SchoolTime"/>.</summary>
public static class CalendarConflicts
{
    /// <summary>Days looked at, at most: a longer window is named by its first month of conflicts.</summary>
    private const int MaxDays = 31;

    public static IReadOnlyList<CalendarConflict> Of(SchoolCalendar calendar, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var conflicts = new List<CalendarConflict>();
        conflicts.AddRange(calendar.Windows.Where(w => w.Overlaps(start, end)).OrderBy(w => w.Start).Select(w => new CalendarConflict(KindOf(w.Kind), w.Name)));
        var first = CalendarZones.DateOf(start, calendar.ZoneId);
        var last = CalendarZones.DateOf(end > start ? end.AddTicks(-1) : start, calendar.ZoneId);
        for (var date = first; date <= last && date.DayNumber - first.DayNumber < MaxDays; date = date.AddDays(1))
        {
            var day = date;
            if (calendar.Closures.FirstOrDefault(c => c.Date == day) is { } closure)
            {
                conflicts.Add(new CalendarConflict(ConflictKind.Closure, closure.Name, day));
            }
            else if (calendar.Breaks.FirstOrDefault(b => b.Contains(day)) is { } pause)
            {
                if (!conflicts.Any(c => c.Kind == ConflictKind.Break && c.Name == pause.Name))
                {
                    conflicts.Add(new CalendarConflict(ConflictKind.Break, pause.Name));
                }
            }
            else if (!calendar.SchoolDays.Contains(day.DayOfWeek))
            {
                conflicts.Add(new CalendarConflict(ConflictKind.NoSchoolDay, day.DayOfWeek.ToString(), day));
            }
        }
        return conflicts;
    }

    /// <summary>True when no school time at all lies in the period (an evening, a weekend, a break).</summary>
    public static bool OutsideSchoolTime(SchoolCalendar calendar, DateTimeOffset start, DateTimeOffset end) =>
        SchoolTime.Between(calendar, start, end) == TimeSpan.Zero;

    private static ConflictKind KindOf(WindowKind kind) => kind switch
    {
        WindowKind.Testing => ConflictKind.Testing,
        WindowKind.Exams => ConflictKind.Exams,
        _ => ConflictKind.Freeze,
    };
}
