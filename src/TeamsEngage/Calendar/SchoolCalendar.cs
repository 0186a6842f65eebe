namespace TeamsEngage.Calendar;

/// <summary>
/// One district's calendar: its zone, school days and working hours, breaks, closures and named windows. Dates and
/// times of day are wall-clock values in <see cref="ZoneId"/>; window bounds are instants.
/// </summary>
public sealed record SchoolCalendar(
    string ZoneId,
    IReadOnlyList<DayOfWeek> SchoolDays,
    SchoolHours Hours,
    IReadOnlyList<CalendarBreak> Breaks,
    IReadOnlyList<CalendarClosure> Closures,
    IReadOnlyList<CalendarWindow> Windows)
{
    /// <summary>True when <paramref name="date"/> is a school day: a school weekday, outside every break, not closed.</summary>
    public bool IsSchoolDay(DateOnly date) =>
        SchoolDays.Contains(date.DayOfWeek) && !IsBreak(date) && !IsClosed(date);

    public bool IsBreak(DateOnly date) => Breaks.Any(b => b.Contains(date));

    public bool IsClosed(DateOnly date) => Closures.Any(c => c.Date == date);

    /// <summary>
    /// The teaching periods of the district's school day, in order; null when never stored (configuration's
    /// <c>TeamsEngage:Calendar:Lessons</c> holds then).
    /// </summary>
    public IReadOnlyList<SchoolHours>? Lessons { get; init; }

    /// <summary>Departments (schools) that keep their own hours or lessons; everyone else follows the district.</summary>
    public IReadOnlyList<DepartmentHours> Departments { get; init; } = [];

    /// <summary>
    /// The calendar a department (school) lives by: the district's days, breaks, closures and windows with the
    /// department's own hours and lessons where it has them. The district's when <paramref name="departmentCode"/> has no
    /// override (or is null).
    /// </summary>
    public SchoolCalendar For(string? departmentCode)
    {
        var own = departmentCode is null ? null : Departments.FirstOrDefault(d => string.Equals(d.Code, departmentCode, StringComparison.OrdinalIgnoreCase));
        return own is null ? this : this with { Hours = own.Hours ?? Hours, Lessons = own.Lessons ?? Lessons };
    }

    /// <summary>The calendar with <paramref name="department"/>'s override in place of any earlier one (none kept when it overrides nothing).</summary>
    public SchoolCalendar WithDepartment(DepartmentHours department)
    {
        ArgumentNullException.ThrowIfNull(department);
        var others = Departments.Where(d => !string.Equals(d.Code, department.Code, StringComparison.OrdinalIgnoreCase));
        return this with { Departments = department.Hours is null && department.Lessons is null ? [.. others] : [.. others, department] };
    }

    /// <summary>The calendar with one more closure (none added when that date is already closed).</summary>
    public SchoolCalendar WithClosure(CalendarClosure closure) =>
        IsClosed(closure.Date) ? this : this with { Closures = [.. Closures, closure] };
}

/// <summary>
/// A department's (a school's) own hours and lessons, by its department code; a null part follows the district.
/// </summary>
public sealed record DepartmentHours(string Code, SchoolHours? Hours, IReadOnlyList<SchoolHours>? Lessons);

/// <summary>The working hours of a school day: [Start, End). An <see cref="End"/> of 00:00 means midnight at the end of the day.</summary>
public sealed record SchoolHours(TimeOnly Start, TimeOnly End)
{
    public bool EndsAtMidnight => End == TimeOnly.MinValue;

    /// <summary>True when the hours make a non-empty period within one day.</summary>
    public bool IsValid => EndsAtMidnight || End > Start;
}

/// <summary>A holiday or a break: every date from <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public sealed record CalendarBreak(string Name, DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;
}

/// <summary>An ad-hoc closure of one day ("snow day").</summary>
public sealed record CalendarClosure(DateOnly Date, string Name);

/// <summary>What a named window stands for; each one warns a deployment that overlaps it.</summary>
public enum WindowKind
{
    Testing,
    Exams,
    Freeze,
}

/// <summary>A named window (state testing, exams, a change freeze) from <see cref="Start"/> to <see cref="End"/>.</summary>
public sealed record CalendarWindow(string Id, WindowKind Kind, string Name, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => start < End && Start < end;
}
