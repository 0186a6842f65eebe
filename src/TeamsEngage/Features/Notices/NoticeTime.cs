using System.Globalization;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>Time zones offered in the composer, and the conversions between a zone's wall clock and UTC.</summary>
public static class NoticeTime
{
    /// <summary>Common US zones; the author's own zone is added when it is not among them.</summary>
    public static IReadOnlyList<string> CommonZones { get; } =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
    ];

    /// <summary>The zones to offer an author whose Teams client is in <paramref name="ownZone"/>.</summary>
    public static IReadOnlyList<string> ZonesFor(string? ownZone) =>
        ownZone is not null && Find(ownZone) is not null && !CommonZones.Contains(ownZone, StringComparer.Ordinal)
            ? [ownZone, .. CommonZones]
            : CommonZones;

    /// <summary>The zone with this IANA id, or null.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    /// <summary>The instant of a wall-clock time in a zone, or null when that time does not exist there (a DST gap).</summary>
    public static DateTimeOffset? ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>The wall-clock date and time of an instant in a zone.</summary>
    public static (DateOnly Date, TimeOnly Time) ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>
    /// The window as a recipient reads it: in their own zone when it is known, else in the zone it was planned in,
    /// always naming the zone.
    /// </summary>
    public static string Describe(NoticeWindow window, string? recipientZone, Texts texts)
    {
        var zoneId = Find(recipientZone) is not null ? recipientZone! : window.TimeZone;
        var zone = Find(zoneId) ?? TimeZoneInfo.Utc;
        var start = TimeZoneInfo.ConvertTime(window.Start, zone);
        var end = TimeZoneInfo.ConvertTime(window.End, zone);
        var culture = texts.Culture;
        var endText = start.Date == end.Date ? end.ToString("t", culture) : end.ToString("f", culture);
        return texts.Format("Notice_WindowValue", start.ToString("f", culture), endText, zoneId);
    }

    /// <summary>One instant, in a zone, for the author's cards.</summary>
    public static string DescribeInstant(DateTimeOffset instant, string zoneId, CultureInfo culture)
    {
        var zone = Find(zoneId) ?? TimeZoneInfo.Utc;
        return string.Create(culture, $"{TimeZoneInfo.ConvertTime(instant, zone).ToString("f", culture)} ({zoneId})");
    }
}
