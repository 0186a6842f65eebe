using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>How a notice's window reads on a card.</summary>
public static class NoticeTime
{
    /// <summary>The window in the recipient's zone when Teams sent it, else in the notice's own zone, naming the zone.</summary>
    public static string Describe(NoticeWindow window, string? recipientZone, Texts texts)
    {
        var zoneId = PeopleTime.Find(recipientZone) is not null ? recipientZone! : window.TimeZone;
        var zone = PeopleTime.ZoneOrUtc(zoneId);
        var start = TimeZoneInfo.ConvertTime(window.Start, zone);
        var end = TimeZoneInfo.ConvertTime(window.End, zone);
        var endText = start.Date == end.Date ? PeopleTime.TimeOfDay(window.End, zone, texts) : PeopleTime.FullDate(window.End, zone, texts);
        return texts.Notice_WindowValue(PeopleTime.FullDate(window.Start, zone, texts), endText, zoneId);
    }
}
