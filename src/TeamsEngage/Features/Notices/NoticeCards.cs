using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>How a notice card looks to one recipient.</summary>
/// <param name="Acknowledged">When this person acknowledged it, if they did.</param>
/// <param name="Reminder">Whether this is the reminder sent to those who had not acknowledged.</param>
/// <param name="AcknowledgedEarlier">Whether this person acknowledged a version that a material change has since replaced.</param>
public sealed record NoticeView(DateTimeOffset? Acknowledged = null, bool Reminder = false, bool AcknowledgedEarlier = false)
{
    /// <summary>The view of a person whose latest acknowledgement is <paramref name="ack"/>: it counts only for the notice's current round.</summary>
    public static NoticeView Of(Notice notice, Acknowledgement? ack, bool reminder = false)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var current = ack is { } a && a.Round >= notice.AckRound ? a.At : (DateTimeOffset?)null;
        return new NoticeView(current, reminder, ack is not null && current is null);
    }
}

/// <summary>The notice card recipients get: title, impact colour, the window in their time zone, what and why, links, actions.</summary>
public static class NoticeCards
{
    /// <summary>The card for one recipient, in their language and (when known) their time zone.</summary>
    public static AdaptiveCard Notice(Notice notice, Texts texts, string? recipientZone, NoticeView view)
    {
        var actions = Actions(notice, texts, view);
        return new AdaptiveCard([.. Body(notice, texts, recipientZone, view)])
        {
            Actions = actions.Count > 0 ? actions : null,
            FallbackText = Summary(notice, texts),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    /// <summary>The author's test copy: the card recipients will get, under a line saying that only the author got it.</summary>
    public static AdaptiveCard TestCopy(Notice notice, Texts texts, string? authorZone)
    {
        var card = Notice(notice, texts, authorZone, new NoticeView());
        return card with
        {
            Body = [new TextBlock(texts.Notice_TestLine) { Wrap = true, Weight = TextWeight.Bolder, Color = TextColor.Accent }, .. card.Body],
        };
    }

    /// <summary>The line shown in the notification and by clients that cannot render cards.</summary>
    public static string Summary(Notice notice, Texts texts) =>
        texts.Notice_Summary(CardText.Clean(CardText.Truncate(notice.Content.Title, 80)));

    internal static IEnumerable<CardElement> Body(Notice notice, Texts texts, string? recipientZone, NoticeView view)
    {
        var c = notice.Content;
        yield return Banner(notice, texts);
        if (c.Image is { } image && notice.State != NoticeState.Cancelled)
        {
            yield return new Image(image) { AltText = CardText.Clean(CardText.Truncate(c.Title, 80)), Size = ImageSize.Stretch };
        }
        foreach (var line in StatusLines(notice, texts, recipientZone, view))
        {
            yield return line;
        }
        yield return new FactSet(
            new Fact(texts.Notice_Field_When, CardText.Escape(NoticeTime.Describe(c.Window, recipientZone, texts))),
            new Fact(texts.Notice_Field_Impact, texts[ImpactKey(c.Impact)]))
        { Spacing = Spacing.Medium };
        if (notice.OutsideSchoolTime)
        {
            yield return new TextBlock(texts.Notice_OutsideSchoolTime) { Wrap = true, Color = TextColor.Good, Spacing = Spacing.Small };
        }
        yield return Heading(texts.Notice_Field_What);
        yield return CardText.UserText(c.What);
        if (!string.IsNullOrWhiteSpace(c.Why))
        {
            yield return Heading(texts.Notice_Field_Why);
            yield return CardText.UserText(c.Why);
        }
        if (c.Links.Count > 0 && notice.State != NoticeState.Cancelled)
        {
            yield return Heading(texts.Notice_Field_Links);
            yield return new ActionSet([.. c.Links.Select(l => (CardAction)new OpenUrlAction(LinkTitle(l), l))]);
        }
    }

    internal static List<CardAction> Actions(Notice notice, Texts texts, NoticeView view)
    {
        var actions = new List<CardAction>();
        if (notice.State == NoticeState.Cancelled)
        {
            return actions;
        }
        if (notice.Content.AckRequired && view.Acknowledged is null)
        {
            actions.Add(new ExecuteAction(texts.Notice_Acknowledge, NoticeVerbs.Acknowledge)
            {
                Data = new NoticeActionData(notice.Id),
                Style = ActionStyle.Positive,
            });
        }
        actions.Add(new ShowCardAction(texts.Notice_Concern, new AdaptiveCard(
            new TextInput("concern")
            {
                Label = texts.Notice_ConcernLabel,
                IsMultiline = true,
                IsRequired = true,
                MaxLength = NoticeConcerns.MaxText,
                ErrorMessage = texts.Notice_ConcernMissing(NoticeConcerns.MaxText),
            })
        {
            Actions = [new ExecuteAction(texts.Notice_ConcernSend, NoticeVerbs.Concern) { Data = new NoticeConcernData(notice.Id) }],
        }));
        return actions;
    }

    public static string ImpactKey(NoticeImpact impact) => impact switch
    {
        NoticeImpact.Disruption => TextKeys.Notice_Impact_Disruption,
        NoticeImpact.Unavailable => TextKeys.Notice_Impact_Unavailable,
        _ => TextKeys.Notice_Impact_None,
    };

    private static Container Banner(Notice notice, Texts texts)
    {
        var style = notice.State == NoticeState.Cancelled ? ContainerStyle.Emphasis : notice.Content.Impact switch
        {
            NoticeImpact.Unavailable => ContainerStyle.Attention,
            NoticeImpact.Disruption => ContainerStyle.Warning,
            _ => ContainerStyle.Good,
        };
        return new Container(
            new TextBlock(texts.Notice_Label) { Size = TextSize.Small, Weight = TextWeight.Bolder, IsSubtle = true },
            new RichTextBlock(new TextRun(CardText.Clean(notice.Content.Title)) { Size = TextSize.Large, Weight = TextWeight.Bolder }))
        {
            Style = style,
            Bleed = true,
        };
    }

    private static IEnumerable<TextBlock> StatusLines(Notice notice, Texts texts, string? recipientZone, NoticeView view)
    {
        if (notice.State == NoticeState.Cancelled)
        {
            yield return Line(texts.Notice_CancelledLine, TextColor.Attention, TextWeight.Bolder);
            yield break;
        }
        if (view.Reminder && view.Acknowledged is null)
        {
            yield return Line(texts.Notice_ReminderLine, TextColor.Warning, TextWeight.Bolder);
        }
        if (notice.Changes != NoticeChanges.None)
        {
            yield return Line(texts.Notice_UpdatedLine(DescribeChanges(notice.Changes, texts)), TextColor.Accent, TextWeight.Bolder);
        }
        if (view.AcknowledgedEarlier && notice.Content.AckRequired)
        {
            yield return Line(texts.Notice_AckAgainLine, TextColor.Warning, TextWeight.Bolder);
        }
        if (view.Acknowledged is { } at)
        {
            yield return Line(texts.Notice_AcknowledgedLine(PeopleTime.Moment(at, PeopleTime.ZoneOrUtc(PeopleTime.Find(recipientZone) is not null ? recipientZone : notice.Content.Window.TimeZone), texts)), TextColor.Good, TextWeight.Default);
        }
    }

    /// <summary>The changes as a localized list ("the schedule, the impact").</summary>
    public static string DescribeChanges(NoticeChanges changes, Texts texts) => string.Join(
        texts.Notice_ListSeparator,
        Enum.GetValues<NoticeChanges>().Where(c => c != NoticeChanges.None && changes.HasFlag(c))
            .Select(c => texts["Notice_Changed_" + c.ToString()]));

    private static TextBlock Line(string text, TextColor color, TextWeight weight) =>
        new(text) { Color = color, Weight = weight, Wrap = true };

    private static TextBlock Heading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };

    private static string LinkTitle(Uri link) =>
        CardText.Clean(CardText.Truncate(string.Create(CultureInfo.InvariantCulture, $"{link.Host}{link.AbsolutePath.TrimEnd('/')}"), 60));
}
