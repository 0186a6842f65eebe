using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using TeamsEngage.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace TeamsEngage.Features.Calendar;

/// <summary>
/// Reads a published district calendar (.ics). The rule, in order: an event whose summary names testing, an exam or a
/// freeze becomes a window of that kind (all-day ones span whole days in the district's zone); any other all-day event
/// becomes a closure when it lasts one day and a break when it lasts several; timed events are skipped. Recurring events
/// are expanded (EXDATEs honoured) over the next <see cref="HorizonDays"/> days; times with a TZID are read in that zone.
/// </summary>
public static class IcsImport
{
    public const int HorizonDays = 400;

    private static readonly (string Word, WindowKind Kind)[] WindowWords =
    [
        ("testing", WindowKind.Testing), ("test", WindowKind.Testing), ("assessment", WindowKind.Testing), ("prueba", WindowKind.Testing),
        ("exam", WindowKind.Exams), ("examen", WindowKind.Exams), ("finals", WindowKind.Exams),
        ("freeze", WindowKind.Freeze), ("congelación", WindowKind.Freeze), ("congelacion", WindowKind.Freeze),
    ];

    /// <summary>What the file holds from <paramref name="now"/> on; null when it is not an iCalendar file.</summary>
    public static ImportedCalendar? Read(string ics, string zoneId, DateTimeOffset now)
    {
        if (!ics.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        IcalCalendar? calendar;
        try
        {
            calendar = IcalCalendar.Load(ics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file the parser cannot read is the administrator's input, answered on the form, not a fault of the bot.
            return null;
        }
        if (calendar is null)
        {
            return null;
        }
        var result = new ImportedCalendar();
        var from = new CalDateTime(now.UtcDateTime.AddDays(-1), "UTC");
        var until = new CalDateTime(now.UtcDateTime.AddDays(HorizonDays), "UTC");
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(from).TakeWhileBefore(until))
        {
            Add(result, (CalendarEvent)occurrence.Source, occurrence.Period, zoneId, now);
        }
        return result;
    }

    private static void Add(ImportedCalendar result, CalendarEvent source, Period period, string zoneId, DateTimeOffset now)
    {
        var name = (source.Summary ?? string.Empty).Trim();
        var allDay = !period.StartTime.HasTime;
        var kind = WindowWords.FirstOrDefault(w => name.Contains(w.Word, StringComparison.OrdinalIgnoreCase));
        var end = period.EffectiveEndTime ?? (allDay ? period.StartTime.AddDays(1) : period.StartTime);
        if (kind.Word is not null)
        {
            var (startAt, endAt) = allDay
                ? (CalendarZones.ToInstant(period.StartTime.Date, TimeOnly.MinValue, zoneId), CalendarZones.ToInstant(end.Date, TimeOnly.MinValue, zoneId))
                : (new DateTimeOffset(period.StartTime.AsUtc, TimeSpan.Zero), new DateTimeOffset(end.AsUtc, TimeSpan.Zero));
            if (endAt > now)
            {
                result.Windows.Add(new CalendarWindow(Guid.NewGuid().ToString("N"), kind.Kind, Trim(name), startAt, endAt));
            }
            return;
        }
        if (!allDay)
        {
            result.Skipped++;
            return;
        }
        var first = period.StartTime.Date;
        var last = end.Date.AddDays(-1) < first ? first : end.Date.AddDays(-1);
        if (last == first)
        {
            result.Closures.Add(new CalendarClosure(first, Trim(name)));
        }
        else
        {
            result.Breaks.Add(new CalendarBreak(Trim(name), first, last));
        }
    }

    private static string Trim(string name) => name.Length > CalendarWindowForm.MaxName ? name[..CalendarWindowForm.MaxName] : name;
}

/// <summary>What an .ics import found, and how it joins a calendar: what is already there (same dates, same name) is not added twice.</summary>
public sealed class ImportedCalendar
{
    public List<CalendarClosure> Closures { get; } = [];

    public List<CalendarBreak> Breaks { get; } = [];

    public List<CalendarWindow> Windows { get; } = [];

    public int Skipped { get; set; }

    public SchoolCalendar MergeInto(SchoolCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar with
        {
            Closures = [.. calendar.Closures, .. Closures.Where(c => !calendar.IsClosed(c.Date)).DistinctBy(c => c.Date)],
            Breaks = [.. calendar.Breaks, .. Breaks.Where(b => !calendar.Breaks.Any(o => o.First == b.First && o.Last == b.Last)).Distinct()],
            Windows = [.. calendar.Windows, .. Windows.Where(w => !calendar.Windows.Any(o => o.Name == w.Name && o.Start == w.Start)).DistinctBy(w => (w.Name, w.Start))],
        };
    }
}
