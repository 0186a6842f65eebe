using CsCheck;
using TeamsEngage.Calendar;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// School-time arithmetic over random calendars (zones with and without daylight saving, any school days and hours,
/// breaks and closures) and random instants across both daylight-saving changes of 2026–27.
/// </summary>
public sealed class SchoolTimeProperties
{
    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Phoenix", "Etc/UTC", "Europe/London"];
    private static readonly DateOnly BaseDate = new(2026, 10, 1);
    private static readonly DateTimeOffset BaseInstant = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<SchoolCalendar> Calendars =
        from zone in Gen.Int[0, Zones.Length - 1].Select(i => Zones[i])
        from days in Gen.Int[1, 127]
        from start in Gen.Int[0, 22 * 4]
        // At least an hour a school day, so the largest amount fits within the horizon SchoolTime searches (beyond it,
        // a calendar with almost no school time counts elapsed time instead).
        from length in Gen.Int[4, 24 * 4]
        from breaks in Gen.Select(Gen.Int[0, 200], Gen.Int[0, 16]).Array[0, 3]
        from closures in Gen.Int[0, 200].Array[0, 4]
        select new SchoolCalendar(
            zone,
            [.. Enum.GetValues<DayOfWeek>().Where(d => (days & (1 << (int)d)) != 0)],
            Hours(start, length),
            [.. breaks.Select(b => new CalendarBreak("Break", BaseDate.AddDays(b.Item1), BaseDate.AddDays(b.Item1 + b.Item2)))],
            [.. closures.Select(c => new CalendarClosure(BaseDate.AddDays(c), "Closed"))],
            []);

    private static readonly Gen<DateTimeOffset> Instants = Gen.Int[0, 220 * 24 * 60].Select(m => BaseInstant.AddMinutes(m));

    private static readonly Gen<TimeSpan> Amounts = Gen.Int[0, 60 * 60].Select(m => TimeSpan.FromMinutes(m));

    [Fact]
    public void AddingSchoolTimeAlwaysLandsWhenSchoolIsOpen() =>
        Gen.Select(Calendars, Instants, Amounts).Sample((calendar, from, amount) =>
            SchoolTime.IsOpen(calendar, SchoolTime.Add(calendar, from, amount)));

    [Fact]
    public void AddingOneAmountThenAnotherEqualsAddingTheirSum() =>
        Gen.Select(Calendars, Instants, Amounts, Amounts).Sample((calendar, from, a, b) =>
            SchoolTime.Add(calendar, SchoolTime.Add(calendar, from, a), b) == SchoolTime.Add(calendar, from, a + b));

    [Fact]
    public void TheSchoolTimeBetweenAnInstantAndItsSumIsTheAmountAdded() =>
        Gen.Select(Calendars, Instants, Amounts).Sample((calendar, from, amount) =>
            SchoolTime.Between(calendar, from, SchoolTime.Add(calendar, from, amount)) == amount);

    [Fact]
    public void AClosureOnlyEverMovesADueTimeLater() =>
        Gen.Select(Calendars, Instants, Amounts, Gen.Int[0, 220]).Sample((calendar, from, amount, closed) =>
        {
            var withClosure = calendar.WithClosure(new CalendarClosure(BaseDate.AddDays(closed), "Snow day"));
            var due = SchoolTime.Add(calendar, from, amount);
            return SchoolTime.Add(withClosure, from, amount) >= due
                && SchoolTime.Shift(calendar, withClosure, from, due) >= due;
        });

    [Fact]
    public void MovingAPromiseKeepsTheSchoolTimeItHadLeft() =>
        Gen.Select(Calendars, Instants, Amounts, Gen.Int[0, 220]).Sample((calendar, now, amount, closed) =>
        {
            var withClosure = calendar.WithClosure(new CalendarClosure(BaseDate.AddDays(closed), "Snow day"));
            var moved = SchoolTime.Shift(calendar, withClosure, now, SchoolTime.Add(calendar, now, amount));
            return SchoolTime.Between(withClosure, now, moved) == amount;
        });

    [Fact]
    public void ASpringForwardGapOpensSchoolJustAfterTheGap()
    {
        var calendar = new SchoolCalendar("America/New_York", [DayOfWeek.Sunday], new SchoolHours(new TimeOnly(2, 30), new TimeOnly(4, 0)), [], [], []);
        var sunday = new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.Zero);

        // 02:30 does not exist on 14 March 2027 in New York: school opens at 03:00 EDT (07:00 UTC) and has one hour.
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), SchoolTime.NextOpen(calendar, sunday));
        Assert.Equal(TimeSpan.FromHours(1), SchoolTime.Between(calendar, sunday, sunday.AddDays(1)));
    }

    private static SchoolHours Hours(int startQuarters, int lengthQuarters)
    {
        var end = Math.Min(24 * 4, startQuarters + lengthQuarters);
        return new SchoolHours(
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * startQuarters)),
            end == 24 * 4 ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * end)));
    }
}
