using TeamsEngage.Calendar;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// A New York school, Monday to Friday 07:30–16:00, with lessons 08:00–10:00, 10:20–12:00 and 12:40–15:10. Tuesday
/// 15 December 2026 is an ordinary school day; 21 December to 1 January is the winter break.
/// </summary>
public sealed class QuietHoursTests
{
    private static readonly SchoolHours[] Lessons = [new(new(8, 0), new(10, 0)), new(new(10, 20), new(12, 0)), new(new(12, 40), new(15, 10))];

    private static readonly SchoolCalendar School = new(
        NewYork, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new SchoolHours(new(7, 30), new(16, 0)),
        [new CalendarBreak("Winter break", new(2026, 12, 21), new(2027, 1, 1))], [], []);

    [Theory]
    [InlineData(7, 45, 7, 45)] // before the first lesson
    [InlineData(9, 0, 10, 0)] // mid-lesson: the bell
    [InlineData(10, 5, 10, 5)] // passing time
    [InlineData(11, 59, 12, 0)] // a minute before lunch
    [InlineData(15, 0, 15, 10)] // the last lesson
    [InlineData(15, 10, 15, 10)] // the last bell itself
    public void OnASchoolDayARoutineMessageGoesAtTheFirstMinuteOutsideALesson(int hour, int minute, int allowedHour, int allowedMinute)
    {
        var allowed = QuietHours.FirstAllowed(School, Lessons, InNewYork(2026, 12, 15, hour, minute));

        Assert.Equal(InNewYork(2026, 12, 15, allowedHour, allowedMinute), allowed);
    }

    [Fact]
    public void AfterHoursItWaitsForTheNextMorningAndOnFridayEveningForMonday()
    {
        Assert.Equal(InNewYork(2026, 12, 16, 7, 30), QuietHours.FirstAllowed(School, Lessons, InNewYork(2026, 12, 15, 16, 0)));
        Assert.Equal(InNewYork(2026, 12, 14, 7, 30), QuietHours.FirstAllowed(School, Lessons, InNewYork(2026, 12, 11, 18, 0)));
    }

    [Fact]
    public void DuringABreakOrAClosureItWaitsForTheFirstSchoolDayAfter()
    {
        Assert.Equal(InNewYork(2027, 1, 4, 7, 30), QuietHours.FirstAllowed(School, Lessons, InNewYork(2026, 12, 18, 16, 30)));
        var snowDay = School.WithClosure(new CalendarClosure(new(2026, 12, 16), "Snow day"));
        Assert.Equal(InNewYork(2026, 12, 17, 7, 30), QuietHours.FirstAllowed(snowDay, Lessons, InNewYork(2026, 12, 16, 9, 0)));
    }

    [Fact]
    public void ADaylightSavingChangeOverTheWeekendStillWakesAt730LocalTime()
    {
        // Clocks go forward on Sunday 14 March 2027: Monday's 07:30 is 11:30 UTC, not 12:30.
        var monday = QuietHours.FirstAllowed(School, Lessons, InNewYork(2027, 3, 12, 17, 0));

        Assert.Equal(new DateTimeOffset(2027, 3, 15, 11, 30, 0, TimeSpan.Zero), monday);
    }

    [Fact]
    public void WithNoSchoolTimeAheadNothingWaitsForever()
    {
        var never = School with { SchoolDays = [] };
        var now = InNewYork(2026, 12, 15, 9, 0);

        Assert.Equal(now, QuietHours.FirstAllowed(never, Lessons, now));
    }

    [Theory]
    [InlineData("08:00-10:00,10:20-12:00", true)]
    [InlineData("", true)]
    [InlineData("08:00-07:00", false)]
    [InlineData("8am-10am", false)]
    [InlineData("08:00-10:00;12:00-13:00", false)]
    public void LessonsAreReadFromConfigurationOrRefused(string lessons, bool valid)
    {
        Assert.Equal(valid, new CalendarOptions { Lessons = lessons }.ParseLessons() is not null);
    }
}
