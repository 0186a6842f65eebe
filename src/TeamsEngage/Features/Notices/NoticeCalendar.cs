using TeamsEngage.Calendar;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>What a notice's window runs into in the school calendar, and whether it lies wholly outside school time.</summary>
public sealed record NoticeCalendarCheck(IReadOnlyList<CalendarConflict> Conflicts, bool OutsideSchoolTime)
{
    public bool NeedsReason => Conflicts.Count > 0;
}

/// <summary>Reads the calendar core for the composer and the send buttons; knows no other feature.</summary>
public sealed class NoticeCalendar(CalendarStore calendars)
{
    public async Task<NoticeCalendarCheck> CheckAsync(NoticeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        return new NoticeCalendarCheck(
            CalendarConflicts.Of(calendar, window.Start, window.End),
            CalendarConflicts.OutsideSchoolTime(calendar, window.Start, window.End));
    }

    /// <summary>The conflicts as one phrase in the reader's language ("State testing (testing window), Saturday 19 December (no school)").</summary>
    public static string Describe(IReadOnlyList<CalendarConflict> conflicts, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        ArgumentNullException.ThrowIfNull(texts);
        return string.Join(", ", conflicts.Select(c => c.Kind switch
        {
            ConflictKind.Testing => texts.Notice_Conflict_Window(CardText.Escape(c.Name), texts.Notice_Conflict_Testing),
            ConflictKind.Exams => texts.Notice_Conflict_Window(CardText.Escape(c.Name), texts.Notice_Conflict_Exams),
            ConflictKind.Freeze => texts.Notice_Conflict_Window(CardText.Escape(c.Name), texts.Notice_Conflict_Freeze),
            ConflictKind.Closure => texts.Notice_Conflict_Closure(CardText.Escape(c.Name), Day(c.Date, texts)),
            ConflictKind.Break => texts.Notice_Conflict_Break(CardText.Escape(c.Name)),
            _ => texts.Notice_Conflict_NoSchool(Day(c.Date, texts)),
        }));
    }

    private static string Day(DateOnly? date, Texts texts) => date is { } day ? PeopleTime.Day(day, texts) : string.Empty;
}
