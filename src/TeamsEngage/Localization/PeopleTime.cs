using System.Globalization;

namespace TeamsEngage.Localization;

/// <summary>
/// Dates and times as people see them: the zones offered in forms, conversions between a wall-clock time in a zone and
/// an instant, and the few formats every card uses, per locale. Nothing else in the app formats a date.
/// </summary>
public static class PeopleTime
{
    /// <summary>The zones offered first in forms (the districts served are in the United States).</summary>
    public static IReadOnlyList<string> CommonZones { get; } =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
    ];

    /// <summary>The zones a person is offered: their own first when it is known and not already common.</summary>
    public static IReadOnlyList<string> ZonesFor(string? ownZone) =>
        ownZone is not null && Find(ownZone) is not null && !CommonZones.Contains(ownZone, StringComparer.Ordinal)
            ? [ownZone, .. CommonZones]
            : CommonZones;

    /// <summary>The zone with an IANA (or Windows) id, or null when there is none.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The zone with that id, else UTC (a Teams client that sent no zone).</summary>
    public static TimeZoneInfo ZoneOrUtc(string? id) => Find(id) ?? TimeZoneInfo.Utc;

    /// <summary>The instant of a wall-clock time in a zone; null for a time that does not exist there (a spring-forward gap).</summary>
    public static DateTimeOffset? ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(local) ? null : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>The wall-clock date and time of an instant in a zone.</summary>
    public static (DateOnly Date, TimeOnly Time) ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>The moment in the zone with id <paramref name="zoneId"/> (UTC when unknown): see <see cref="Moment"/>.</summary>
    public static string LongWithZone(DateTimeOffset instant, string zoneId, Texts texts) => Moment(instant, ZoneOrUtc(zoneId), texts);

    /// <summary>The moment in <paramref name="zone"/>: see <see cref="Moment"/>.</summary>
    public static string FullDateWithZone(DateTimeOffset instant, TimeZoneInfo zone, Texts texts) => Moment(instant, zone, texts);

    /// <summary>
    /// The one date-and-time format a person reads, per locale, in the reader's zone with the zone named:
    /// "Tue 1 Dec, 6:00 PM (Central time)"; "mar 1 dic, 18:00 (hora del Centro)".
    /// </summary>
    public static string Moment(DateTimeOffset instant, TimeZoneInfo zone, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(texts);
        return string.Create(texts.Culture, $"{DayAndTime(instant, zone, texts)} ({ZoneLabel(zone.Id, texts)})");
    }

    /// <summary>The one date format a person reads, per locale: "Tue 1 Dec"; "mar 1 dic".</summary>
    public static string Day(DateOnly date, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return date.ToString("ddd d MMM", texts.Culture).Replace(".", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The same date with its year, for a date that may be in another year (a target date): "Tue 4 Mar 2031".</summary>
    public static string DayInYear(DateOnly date, Texts texts) =>
        Day(date, texts) + " " + date.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The zone as a person names it: the common US zones by their short name in the reader's language ("Central time",
    /// "hora del Centro"), UTC as "UTC", any other by its IANA id ("Europe/Madrid").
    /// </summary>
    public static string ZoneLabel(string zoneId, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(zoneId);
        ArgumentNullException.ThrowIfNull(texts);
        // An unknown id reads in UTC (see ZoneOrUtc), so it is named so.
        if (Find(zoneId) is not { } zone || zone == TimeZoneInfo.Utc || zoneId is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }
        return texts.Find("Zone_" + zoneId.Replace('/', '_')) ?? zoneId;
    }

    /// <summary>The time of day only, in the reader's culture ("6:00 PM").</summary>
    public static string TimeOfDay(DateTimeOffset instant, TimeZoneInfo zone, Texts texts) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("t", texts.Culture);

    /// <summary>A short day and time in the reader's culture and zone ("Tue 1 Dec, 6:00 PM"; "mar 1 dic, 18:00").</summary>
    public static string DayAndTime(DateTimeOffset instant, TimeZoneInfo zone, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return Day(DateOnly.FromDateTime(local.DateTime), texts) + ", " + local.ToString("t", texts.Culture);
    }

    /// <summary>How long until <paramref name="due"/> ("2 h 10 min left"), or how late it is ("overdue by 1 d 3 h").</summary>
    public static string Until(DateTimeOffset due, DateTimeOffset now, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var span = due - now;
        var amount = Amount(span.Duration(), texts);
        return span >= TimeSpan.Zero ? texts.Time_TimeLeft(amount) : texts.Time_Overdue(amount);
    }

    private static string Amount(TimeSpan span, Texts texts)
    {
        if (span.TotalDays >= 1)
        {
            return texts.Time_DaysHours((int)span.TotalDays, span.Hours);
        }
        return span.TotalHours >= 1
            ? texts.Time_HoursMinutes((int)span.TotalHours, span.Minutes)
            : texts.Time_Minutes(Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)));
    }

    /// <summary>Invariant ISO text of an instant, for data a person never reads (card data, CSV).</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
