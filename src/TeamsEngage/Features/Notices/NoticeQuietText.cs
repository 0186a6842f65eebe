using TeamsEngage.Calendar;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>"1,840 now, 2,160 after 3:10 PM": a notice's quiet-hours wait in the reader's zone and language.</summary>
public static class NoticeQuietText
{
    public static string Of(QuietWait wait, DateTimeOffset now, TimeZoneInfo readerZone, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(wait);
        ArgumentNullException.ThrowIfNull(texts);
        return wait.First == wait.Last
            ? texts.Notice_QuietAfter(wait.Now, wait.Waiting, When(wait.First, now, readerZone, texts))
            : texts.Notice_QuietBetween(wait.Now, wait.Waiting, When(wait.First, now, readerZone, texts), When(wait.Last, now, readerZone, texts));
    }

    // Today in the reader's zone reads as a time of day; another day names the day too.
    private static string When(DateTimeOffset release, DateTimeOffset now, TimeZoneInfo zone, Texts texts) =>
        PeopleTime.ToLocal(release, zone).Date == PeopleTime.ToLocal(now, zone).Date && zone != TimeZoneInfo.Utc
            ? PeopleTime.TimeOfDay(release, zone, texts)
            : PeopleTime.Moment(release, zone, texts);
}
