using System.Globalization;
using TeamsEngage.Calendar;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Calendar;

/// <summary>Checks the window form: a kind, a name, a start and an end after it, in the calendar's zone. Errors are keyed by input id.</summary>
public static class CalendarWindowForm
{
    public const int MaxName = 100;

    public static (CalendarWindow? Window, IReadOnlyDictionary<string, string> Errors) Validate(WindowFormData form, string zoneId, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(texts);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.TryParse<WindowKind>(form.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors["kind"] = texts.Calendar_Error_Kind;
        }
        var name = form.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxName)
        {
            errors["name"] = texts.Calendar_Error_Name;
        }
        var start = Instant(form.StartDate, form.StartTime, zoneId);
        if (start is null)
        {
            errors["startDate"] = texts.Calendar_Error_Start;
        }
        var end = Instant(form.EndDate, form.EndTime, zoneId);
        if (end is null || (start is not null && end <= start))
        {
            errors["endDate"] = texts.Calendar_Error_End;
        }
        return errors.Count > 0
            ? (null, errors)
            : (new CalendarWindow(Guid.NewGuid().ToString("N"), kind, name!, start!.Value, end!.Value), errors);
    }

    private static DateTimeOffset? Instant(string? date, string? time, string zoneId) =>
        DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? CalendarZones.ToInstant(day, at, zoneId)
            : null;
}
