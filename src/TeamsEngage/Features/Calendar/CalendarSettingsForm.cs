using System.ComponentModel.DataAnnotations;
using System.Globalization;
using TeamsEngage.Calendar;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Calendar;

/// <summary>
/// The settings form's inputs, as typed: the zone (an IANA id), the school days (comma-separated English day names, as a
/// multi-select sends them), the hours (HH:mm) and the lessons (<c>08:00-10:00,10:20-12:00</c>). With
/// <see cref="Department"/> set (carried by the form, not typed), only the hours and lessons are read: a department's.
/// </summary>
public sealed record SettingsFormData(
    [property: StringLength(40)] string? Department = null,
    [property: StringLength(64)] string? Zone = null,
    [property: StringLength(60)] string? Days = null,
    [property: StringLength(5)] string? DayStart = null,
    [property: StringLength(5)] string? DayEnd = null,
    [property: StringLength(400)] string? Lessons = null);

/// <summary>Which settings form to open: the district's (no department) or a department's.</summary>
public sealed record SettingsRefData([property: StringLength(40)] string? Department = null, [property: StringLength(40)] string? OpenDepartment = null);

/// <summary>Checks the settings form; errors are keyed by input id, and nothing is changed while any remains.</summary>
public static class CalendarSettingsForm
{
    /// <summary>The district's zone, days, hours and lessons from the form, or the errors under their fields.</summary>
    public static (SchoolCalendar? Calendar, IReadOnlyDictionary<string, string> Errors) District(SchoolCalendar current, SettingsFormData form, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(texts);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var zone = form.Zone?.Trim();
        if (!CalendarZones.Exists(zone))
        {
            errors["zone"] = texts.Calendar_Error_Zone;
        }
        var days = CalendarOptions.ParseDays(form.Days ?? string.Empty);
        if (days is null)
        {
            errors["days"] = texts.Calendar_Error_Days;
        }
        var hours = Hours(form, required: true, errors, texts);
        var lessons = CalendarOptions.ParseLessons(form.Lessons);
        if (lessons is null)
        {
            errors["lessons"] = texts.Calendar_Error_Lessons;
        }
        return errors.Count > 0
            ? (null, errors)
            : (current with { ZoneId = zone!, SchoolDays = days!, Hours = hours!, Lessons = lessons }, errors);
    }

    /// <summary>A department's own hours and lessons from the form; an empty part follows the district.</summary>
    public static (DepartmentHours? Department, IReadOnlyDictionary<string, string> Errors) Department(string code, SettingsFormData form, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(texts);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var hours = Hours(form, required: false, errors, texts);
        var lessons = string.IsNullOrWhiteSpace(form.Lessons) ? null : CalendarOptions.ParseLessons(form.Lessons);
        if (!string.IsNullOrWhiteSpace(form.Lessons) && lessons is null)
        {
            errors["lessons"] = texts.Calendar_Error_Lessons;
        }
        return errors.Count > 0 ? (null, errors) : (new DepartmentHours(code, hours, lessons), errors);
    }

    /// <summary>The lessons as the form shows them: <c>08:00-10:00,10:20-12:00</c>.</summary>
    public static string LessonsText(IReadOnlyList<SchoolHours>? lessons) =>
        string.Join(',', (lessons ?? []).Select(l => $"{Time(l.Start)}-{Time(l.End)}"));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string EndText(SchoolHours hours) => hours.EndsAtMidnight ? "24:00" : Time(hours.End);

    // Both times or (for a department) neither; the end after the start, or midnight.
    private static SchoolHours? Hours(SettingsFormData form, bool required, Dictionary<string, string> errors, Texts texts)
    {
        if (!required && string.IsNullOrWhiteSpace(form.DayStart) && string.IsNullOrWhiteSpace(form.DayEnd))
        {
            return null;
        }
        var start = CalendarOptions.ParseTime(form.DayStart ?? string.Empty);
        var end = CalendarOptions.ParseTime(form.DayEnd ?? string.Empty);
        if (start is null)
        {
            errors["dayStart"] = texts.Calendar_Error_DayStart;
        }
        var hours = start is { } s && end is { } e ? new SchoolHours(s, e) : null;
        if (end is null || hours is { IsValid: false })
        {
            errors["dayEnd"] = texts.Calendar_Error_DayEnd;
        }
        return hours is { IsValid: true } ? hours : null;
    }
}
