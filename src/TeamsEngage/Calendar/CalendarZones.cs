using NodaTime;

namespace TeamsEngage.Calendar;

/// <summary>IANA zones from the tz database that ships with NodaTime, so daylight-saving rules do not depend on the host.</summary>
public static class CalendarZones
{
    /// <summary>The zone with that IANA id, or UTC when there is none.</summary>
    public static DateTimeZone Find(string? id) =>
        id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? zone : DateTimeZone.Utc;

    public static bool Exists(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    /// <summary>The instant of a wall-clock date and time in a zone (a time skipped by daylight saving moves past the gap).</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, string zoneId) =>
        Find(zoneId).AtLeniently(LocalDate.FromDateOnly(date) + LocalTime.FromTimeOnly(time)).ToDateTimeOffset();

    /// <summary>The wall-clock date of an instant in a zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, string zoneId) =>
        Instant.FromDateTimeOffset(instant).InZone(Find(zoneId)).Date.ToDateOnly();
}
