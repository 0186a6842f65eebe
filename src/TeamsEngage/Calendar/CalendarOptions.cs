using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.Localization;

namespace TeamsEngage.Calendar;

/// <summary>
/// Section <c>TeamsEngage:Calendar</c>: the calendar of a tenant that has not set its own. The defaults are a United
/// States school week in the zone the composer already offers first, so a district without a calendar only sees its
/// promises counted in school hours.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "TeamsEngage:Calendar";

    /// <summary>An IANA zone id.</summary>
    public string Zone { get; set; } = PeopleTime.CommonZones[0];

    /// <summary>Comma-separated English day names (or their first three letters).</summary>
    public string SchoolDays { get; set; } = "Mon,Tue,Wed,Thu,Fri";

    /// <summary>The opening time, HH:mm.</summary>
    public string DayStart { get; set; } = "07:30";

    /// <summary>The closing time, HH:mm; 00:00 (or 24:00) is midnight at the end of the day.</summary>
    public string DayEnd { get; set; } = "16:00";

    /// <summary>
    /// The teaching periods of a school day, <c>HH:mm-HH:mm</c> separated by commas (<c>08:00-10:00,10:20-12:00</c>).
    /// When set, routine messages (poll invitations, reminders, findings) wait for quiet hours: a school day, inside
    /// working hours, outside every lesson. Empty: no quiet hours, everything goes at once.
    /// </summary>
    public string Lessons { get; set; } = string.Empty;

    /// <summary>The teaching periods of <see cref="Lessons"/>, in order; null when the setting does not parse.</summary>
    public IReadOnlyList<SchoolHours>? ParseLessons() => ParseLessons(Lessons);

    /// <summary>Teaching periods as <c>HH:mm-HH:mm</c> separated by commas, in order; null when the text does not parse.</summary>
    public static IReadOnlyList<SchoolHours>? ParseLessons(string? text)
    {
        var lessons = new List<SchoolHours>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || ParseTime(bounds[0]) is not { } start || ParseTime(bounds[1]) is not { } end || !(end > start))
            {
                return null;
            }
            lessons.Add(new SchoolHours(start, end));
        }
        return [.. lessons.OrderBy(l => l.Start)];
    }

    /// <summary>The calendar these settings describe; null parts when a setting does not parse (refused at start-up).</summary>
    public SchoolCalendar? ToCalendar()
    {
        var days = ParseDays(SchoolDays);
        var start = ParseTime(DayStart);
        var end = ParseTime(DayEnd);
        return days is null || start is null || end is null || !CalendarZones.Exists(Zone)
            ? null
            : new SchoolCalendar(Zone, days, new SchoolHours(start.Value, end.Value), [], [], []);
    }

    public static IReadOnlyList<DayOfWeek>? ParseDays(string text)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var day = Enum.GetValues<DayOfWeek>().Where(d => d.ToString().StartsWith(part, StringComparison.OrdinalIgnoreCase) && part.Length >= 3).ToList();
            if (day.Count != 1)
            {
                return null;
            }
            days.Add(day[0]);
        }
        return days.Count == 0 ? null : [.. days.Distinct()];
    }

    public static TimeOnly? ParseTime(string text) =>
        text?.Trim() == "24:00" ? TimeOnly.MinValue
        : TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!CalendarZones.Exists(options.Zone))
        {
            return ValidateOptionsResult.Fail($"TeamsEngage:Calendar:Zone must be an IANA time zone id; '{options.Zone}' is not.");
        }
        if (CalendarOptions.ParseDays(options.SchoolDays) is null)
        {
            return ValidateOptionsResult.Fail("TeamsEngage:Calendar:SchoolDays must list English day names separated by commas (Mon,Tue,Wed,Thu,Fri).");
        }
        if (options.ParseLessons() is null)
        {
            return ValidateOptionsResult.Fail("TeamsEngage:Calendar:Lessons must list teaching periods as HH:mm-HH:mm separated by commas (08:00-10:00,10:20-12:00), each ending after it starts.");
        }
        return options.ToCalendar() is { Hours.IsValid: true }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("TeamsEngage:Calendar:DayStart and DayEnd must be HH:mm times with DayEnd after DayStart (00:00 or 24:00 for midnight).");
    }
}
