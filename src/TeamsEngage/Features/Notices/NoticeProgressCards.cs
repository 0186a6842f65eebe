using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>The author's card of a sent notice, updated in place while its broadcast runs, with the author's actions.</summary>
public static class NoticeProgressCards
{
    /// <summary>"Sent: 42 % done", the title, delivered / queued / could not be reached, the time left, and the author's actions.</summary>
    public static AdaptiveCard Sent(Notice notice, NoticeProgressReport report, Texts texts, string? quiet = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var headline = texts.Notice_ProgressHeadline(report.Percent);
        var body = new List<CardElement>
        {
            NoticeAuthorCards.Title(headline),
            CardText.UserText(notice.Content.Title, 120),
            new FactSet([.. Facts(report, texts)]),
        };
        if (quiet is not null)
        {
            body.Add(new TextBlock(texts.Notice_QuietSent(quiet)) { Wrap = true, IsSubtle = true });
        }
        return new AdaptiveCard([.. body]) { Actions = NoticeAuthorCards.AuthorActions(notice, texts, NoticeVerbs.Status), FallbackText = headline };
    }

    /// <summary>The progress as facts, shared with the status card.</summary>
    public static IEnumerable<Fact> Facts(NoticeProgressReport report, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        yield return new Fact(texts.Notice_Stat_Percent, Percent(report.Percent, texts));
        yield return new Fact(texts.Notice_Stat_Delivered, Number(report.Delivered, texts));
        yield return new Fact(texts.Notice_Stat_Queued, Number(report.Queued, texts));
        yield return new Fact(texts.Notice_Stat_Unreachable, Number(report.Failed, texts));
        yield return new Fact(texts.Notice_Stat_TimeLeft, TimeLeft(report, texts));
    }

    private static string TimeLeft(NoticeProgressReport report, Texts texts) => report switch
    {
        { Done: true } => texts.Notice_TimeLeft_None,
        { TimeLeft: null } => texts.Notice_TimeLeft_Estimating,
        { TimeLeft: { TotalSeconds: < 90 } left } => texts.Notice_TimeLeft_Seconds((int)Math.Ceiling(left.TotalSeconds)),
        { TimeLeft: { } left } => texts.Notice_TimeLeft_Minutes((int)Math.Ceiling(left.TotalMinutes)),
    };

    private static string Percent(int percent, Texts texts) => string.Format(texts.Culture, "{0:N0} %", percent);

    private static string Number(int value, Texts texts) => value.ToString("N0", texts.Culture);
}
