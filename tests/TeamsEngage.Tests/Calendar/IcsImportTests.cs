using TeamsEngage.Calendar;
using TeamsEngage.Features.Calendar;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>A district calendar as Google Calendar publishes it: a VTIMEZONE, all-day events, RRULEs, an EXDATE, TZID times.</summary>
public sealed class IcsImportTests
{
    public static string Springfield => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar", "springfield-2026-27.ics"));

    private static readonly DateTimeOffset Now = InNewYork(2026, 11, 2, 9);

    [Fact]
    public void AllDayEventsBecomeClosuresAndBreaksAndRecurringOnesAreExpandedWithoutTheirExdates()
    {
        var imported = IcsImport.Read(Springfield, NewYork, Now)!;

        Assert.Equal(
            [new DateOnly(2026, 12, 4), new DateOnly(2027, 1, 18), new DateOnly(2027, 2, 5), new DateOnly(2027, 3, 5)],
            imported.Closures.Select(c => c.Date).Order());
        Assert.Equal(
            [new CalendarBreak("Thanksgiving Break", new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)), new CalendarBreak("Winter Break", new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 1))],
            imported.Breaks.OrderBy(b => b.First));
        Assert.DoesNotContain(imported.Closures, c => c.Name.StartsWith("Labor Day", StringComparison.Ordinal));
        Assert.Equal(3, imported.Skipped);
    }

    [Fact]
    public void EventsNamingTestingExamsOrAFreezeBecomeWindowsWithTheirZonesHonoured()
    {
        var windows = IcsImport.Read(Springfield, NewYork, Now)!.Windows.OrderBy(w => w.Start).ToList();

        var testing = windows.Where(w => w.Kind == WindowKind.Testing).ToList();
        Assert.Equal(5, testing.Count);
        // 08:00–11:30 in New York in April is daylight time: 12:00–15:30 UTC.
        Assert.Equal(new DateTimeOffset(2027, 4, 12, 12, 0, 0, TimeSpan.Zero), testing[0].Start);
        Assert.Equal(new DateTimeOffset(2027, 4, 16, 15, 30, 0, TimeSpan.Zero), testing[^1].End);
        var freeze = Assert.Single(windows, w => w.Kind == WindowKind.Freeze);
        Assert.Equal((InNewYork(2026, 12, 18, 0), InNewYork(2027, 1, 5, 0)), (freeze.Start, freeze.End));
        var exams = Assert.Single(windows, w => w.Kind == WindowKind.Exams);
        Assert.Equal(("Final Exams (High School)", InNewYork(2027, 6, 14, 0), InNewYork(2027, 6, 18, 0)), (exams.Name, exams.Start, exams.End));
    }

    [Fact]
    public void ImportingTheSameFileTwiceAddsNothingTheSecondTime()
    {
        var empty = new SchoolCalendar(NewYork, [DayOfWeek.Monday], new SchoolHours(new TimeOnly(7, 30), new TimeOnly(16, 0)), [], [], []);
        var once = IcsImport.Read(Springfield, NewYork, Now)!.MergeInto(empty);
        var twice = IcsImport.Read(Springfield, NewYork, Now)!.MergeInto(once);

        Assert.Equal((4, 2, 7), (once.Closures.Count, once.Breaks.Count, once.Windows.Count));
        Assert.Equal((once.Closures.Count, once.Breaks.Count, once.Windows.Count), (twice.Closures.Count, twice.Breaks.Count, twice.Windows.Count));
    }

    [Theory]
    [InlineData("Name,Date\nWinter break,2026-12-21")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:not-a-date\nEND:VEVENT")]
    public void TextThatIsNotAnICalendarFileIsRefused(string text) =>
        Assert.Null(IcsImport.Read(text, NewYork, Now));
}
