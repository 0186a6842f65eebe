using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>The short message telling a recipient that a notice they received changed.</summary>
public static class NoticeChangeCards
{
    /// <summary>"Schedule changed: Tue 1 Dec, 6:00 PM → Thu 3 Dec, 6:00 PM (Central time)", the notice's title, and whether to acknowledge again.</summary>
    public static AdaptiveCard Told(Notice notice, NoticeChangePayload change, Texts texts, string? readerZone)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(texts);
        var headline = Headline(notice, change, texts, readerZone);
        var body = new List<CardElement>
        {
            new TextBlock(headline) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true },
            new TextBlock(texts.Notice_Told_About(CardText.Escape(CardText.Truncate(notice.Content.Title, 120)))) { Wrap = true },
        };
        if (change.AckAgain && notice.Content.AckRequired)
        {
            body.Add(new TextBlock(texts.Notice_Told_AckAgain) { Wrap = true, Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }
        return new AdaptiveCard(body) { FallbackText = headline };
    }

    /// <summary>The first line, also the notification's summary.</summary>
    public static string Headline(Notice notice, NoticeChangePayload change, Texts texts, string? readerZone)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(texts);
        var after = notice.Content.Window;
        if (!change.Changes.HasFlag(NoticeChanges.Schedule) || change.Before == after)
        {
            return texts.Notice_Told_Changed(NoticeCards.DescribeChanges(change.Changes, texts));
        }
        var zoneId = PeopleTime.Find(readerZone) is not null ? readerZone! : after.TimeZone;
        var zone = PeopleTime.ZoneOrUtc(zoneId);
        var startsMoved = change.Before.Start != after.Start;
        return texts.Notice_Told_Schedule(Window(change.Before, zone, texts, startsMoved), Window(after, zone, texts, startsMoved), PeopleTime.ZoneLabel(zoneId, texts));
    }

    // The start alone when the start moved ("Tue 1 Dec, 6:00 PM"); the whole window when only its end did.
    private static string Window(NoticeWindow window, TimeZoneInfo zone, Texts texts, bool startOnly)
    {
        var start = PeopleTime.DayAndTime(window.Start, zone, texts);
        if (startOnly)
        {
            return start;
        }
        var sameDay = PeopleTime.ToLocal(window.Start, zone).Date == PeopleTime.ToLocal(window.End, zone).Date;
        return start + " – " + (sameDay ? PeopleTime.TimeOfDay(window.End, zone, texts) : PeopleTime.DayAndTime(window.End, zone, texts));
    }
}
