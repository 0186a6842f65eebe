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
        var sameDay = PeopleTime.ToLocal(window.Start, zone).Date == PeopleTime.ToLocal(window.End, zone).Date;
        var endText = sameDay ? PeopleTime.TimeOfDay(window.End, zone, texts) : PeopleTime.DayAndTime(window.End, zone, texts);
        return texts.Notice_WindowValue(PeopleTime.DayAndTime(window.Start, zone, texts), endText, PeopleTime.ZoneLabel(zoneId, texts));
    }
}
