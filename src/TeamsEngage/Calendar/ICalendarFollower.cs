namespace TeamsEngage.Calendar;

/// <summary>
/// What a feature does when the school time of the current tenant changes (a closure, an imported break): tickets move
/// their promises. Called inside the tenant, after the new calendar is stored.
/// </summary>
public interface ICalendarFollower
{
    Task SchoolTimeChangedAsync(SchoolCalendar before, SchoolCalendar after, DateTimeOffset now, CancellationToken cancellationToken);
}
