using TeamsEngage.Calendar;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>The cards only the author sees: the preview, the confirmation, and the outcome of sending, scheduling or changing.</summary>
public static class NoticeAuthorCards
{
    /// <summary>The notice exactly as recipients will see it, followed by the author's choices.</summary>
    /// <remarks>When the window overlaps the school calendar, a warning names what it overlaps and asks for a reason, which the send buttons carry.</remarks>
    public static AdaptiveCard Preview(Notice notice, Texts texts, string? authorZone, int audienceCount, IReadOnlyList<CalendarConflict>? conflicts = null, int unreachable = 0)
    {
        var zone = PeopleTime.Find(notice.Content.Window.TimeZone) ?? TimeZoneInfo.Utc;
        var (startDate, startTime) = PeopleTime.ToLocal(notice.Content.Window.Start, zone);
        var schedule = new AdaptiveCard(
            new TextBlock(texts.Notice_SendAtPrompt(notice.Content.Window.TimeZone)) { Wrap = true },
            new ColumnSet(
                new Column(new DateInput("sendDate") { Label = texts.Notice_Field_SendDate, Value = startDate.AddDays(-1), IsRequired = true, ErrorMessage = texts.Notice_Error_DateTime(texts.Notice_Field_SendDate) }) { Width = ColumnWidth.Stretch },
                new Column(new TimeInput("sendTime") { Label = texts.Notice_Field_Time, Value = startTime, IsRequired = true, ErrorMessage = texts.Notice_Error_DateTime(texts.Notice_Field_SendDate) }) { Width = ColumnWidth.Stretch }))
        {
            Actions = [new ExecuteAction(texts.Notice_Schedule, NoticeVerbs.Schedule) { Data = new NoticeActionData(notice.Id) }],
        };
        var recipientActions = NoticeCards.Actions(notice, texts, new NoticeView());
        return new AdaptiveCard([
            .. NoticeCards.Body(notice, texts, authorZone, new NoticeView()),
            new ActionSet(recipientActions),
            new Container(
            [
                new TextBlock(texts.Notice_PreviewTitle) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(texts.Notice_PreviewAudience(Describe(notice.Content.Audience, texts), audienceCount)) { Wrap = true },
                .. unreachable > 0 ? [new TextBlock(texts.Notice_PreviewUnreachable(unreachable)) { Wrap = true }] : Array.Empty<CardElement>(),
            ])
            {
                Style = ContainerStyle.Emphasis,
                Separator = true,
                Spacing = Spacing.Large,
            },
            .. CalendarWarning(conflicts ?? [], notice.CalendarReason, texts)])
        {
            Actions =
            [
                new ExecuteAction(texts.Notice_SendNow, NoticeVerbs.Send) { Data = new NoticeActionData(notice.Id), Style = ActionStyle.Positive },
                new ShowCardAction(texts.Notice_Schedule, schedule),
                new ExecuteAction(texts.Notice_Edit, NoticeVerbs.Edit) { Data = new NoticeActionData(notice.Id), AssociatedInputs = AssociatedInputs.None },
                new ExecuteAction(texts.Notice_SendTest, NoticeVerbs.SendTest) { Data = new NoticeActionData(notice.Id), AssociatedInputs = AssociatedInputs.None },
                new ExecuteAction(texts.Notice_Discard, NoticeVerbs.Discard) { Data = new NoticeActionData(notice.Id), Style = ActionStyle.Destructive, AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = texts.Notice_PreviewTitle,
        };
    }

    private static IEnumerable<CardElement> CalendarWarning(IReadOnlyList<CalendarConflict> conflicts, string? reason, Texts texts)
    {
        if (conflicts.Count == 0)
        {
            yield break;
        }
        yield return new Container(
            new TextBlock(texts.Notice_CalendarWarning(NoticeCalendar.Describe(conflicts, texts))) { Wrap = true, Color = TextColor.Attention, Weight = TextWeight.Bolder },
            new TextInput("calendarReason")
            {
                Label = texts.Notice_CalendarReasonLabel, IsRequired = true, IsMultiline = true, MaxLength = 500,
                ErrorMessage = texts.Notice_CalendarReasonMissing, Value = reason,
            })
        {
            Style = ContainerStyle.Attention,
            Spacing = Spacing.Medium,
        };
    }

    /// <summary>Asks the author to confirm a large audience, naming the count.</summary>
    public static AdaptiveCard Confirm(Notice notice, Texts texts, int count, DateTimeOffset? sendAt, string? quiet = null)
    {
        var verb = sendAt is null ? NoticeVerbs.Send : NoticeVerbs.Schedule;
        return new AdaptiveCard(
        [
            Title(texts.Notice_ConfirmTitle),
            CardText.UserText(notice.Content.Title, 120),
            new TextBlock(texts.Notice_ConfirmText(count)) { Wrap = true },
            .. quiet is null ? Enumerable.Empty<CardElement>() : [new TextBlock(texts.Notice_QuietSent(quiet)) { Wrap = true, IsSubtle = true }],
        ])
        {
            Actions =
            [
                new ExecuteAction(texts.Notice_ConfirmButton(count), verb) { Data = new NoticeActionData(notice.Id, Confirmed: true, SendAt: sendAt), Style = ActionStyle.Positive },
                new ExecuteAction(texts.Notice_Edit, NoticeVerbs.Edit) { Data = new NoticeActionData(notice.Id) },
            ],
            FallbackText = texts.Notice_ConfirmTitle,
        };
    }

    /// <summary>What the author sees after sending, scheduling, changing or cancelling: one line, the title, and next steps.</summary>
    public static AdaptiveCard Outcome(Notice notice, Texts texts, string headline) =>
        new(Title(headline), CardText.UserText(notice.Content.Title, 120))
        {
            Actions = AuthorActions(notice, texts, NoticeVerbs.Status),
            FallbackText = headline,
        };

    /// <summary>
    /// What the author can do with a notice from any of its cards: its status (or <paramref name="first"/>'s refresh)
    /// and, while it is live, edit, reschedule and cancel.
    /// </summary>
    public static List<CardAction> AuthorActions(Notice notice, Texts texts, string first)
    {
        var label = first == NoticeVerbs.Status ? texts.Notice_Status : texts.Notice_Refresh;
        var actions = new List<CardAction> { new ExecuteAction(label, NoticeVerbs.Status) { Data = new NoticeActionData(notice.Id) } };
        if (notice.IsLive)
        {
            actions.Add(new ExecuteAction(texts.Notice_Edit, NoticeVerbs.Edit) { Data = new NoticeActionData(notice.Id) });
            actions.Add(new ExecuteAction(texts.Notice_Reschedule, NoticeVerbs.Reschedule) { Data = new NoticeActionData(notice.Id) });
            actions.Add(new ExecuteAction(texts.Notice_Cancel, NoticeVerbs.Cancel) { Data = new NoticeActionData(notice.Id), Style = ActionStyle.Destructive });
        }
        return actions;
    }

    /// <summary>The author's notices, newest first, each with its state and what can be done with it.</summary>
    public static AdaptiveCard List(IReadOnlyList<Notice> notices, Texts texts)
    {
        var body = new List<CardElement> { Title(texts.Notice_ListTitle) };
        if (notices.Count == 0)
        {
            body.Add(new TextBlock(texts.Notice_ListEmpty) { Wrap = true });
        }
        foreach (var notice in notices)
        {
            var lines = new List<CardElement>
            {
                new RichTextBlock(new TextRun(CardText.Clean(CardText.Truncate(notice.Content.Title, 120))) { Weight = TextWeight.Bolder }),
                new TextBlock(StateLine(notice, texts)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            };
            if (notice.CalendarReason is { Length: > 0 } reason)
            {
                // The author's own words, kept as they typed them: why it goes out during a testing window, a freeze or a closure.
                lines.Add(CardText.UserText(texts.Notice_CalendarReasonShown(CardText.Truncate(reason, 200)), isSubtle: true));
            }
            lines.Add(new ActionSet([.. ListActions(notice, texts)]));
            body.Add(new Container([.. lines])
            {
                Separator = true,
                Spacing = Spacing.Medium,
            });
        }
        return new AdaptiveCard([.. body]) { FallbackText = texts.Notice_ListTitle };
    }

    /// <summary>How an audience reads in the author's language.</summary>
    public static string Describe(Audience audience, Texts texts) => audience.Kind switch
    {
        AudienceKind.Departments => texts.Notice_AudienceDepartments(CardText.Escape(string.Join(", ", audience.Values))),
        AudienceKind.Roles => texts.Notice_AudienceRoles(string.Join(", ", audience.Values.Select(r => texts["Notice_Role_" + r]))),
        AudienceKind.People => texts.Notice_AudiencePeople(audience.Values.Count),
        _ => texts.Notice_Audience_Everyone,
    };

    internal static TextBlock Title(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true };

    private static string StateLine(Notice notice, Texts texts) => notice.State switch
    {
        NoticeState.Scheduled when notice.SendAt is { } at => texts.Notice_State_Scheduled(CardText.Escape(PeopleTime.LongWithZone(at, notice.Content.Window.TimeZone, texts))),
        NoticeState.Sent when notice.SentAt is { } at => texts.Notice_State_Sent(CardText.Escape(PeopleTime.LongWithZone(at, notice.Content.Window.TimeZone, texts))),
        NoticeState.Cancelled => texts.Notice_State_Cancelled,
        _ => texts.Notice_State_Draft,
    };

    private static IEnumerable<CardAction> ListActions(Notice notice, Texts texts)
    {
        var data = new NoticeActionData(notice.Id);
        if (notice.State == NoticeState.Draft)
        {
            yield return new ExecuteAction(texts.Notice_Edit, NoticeVerbs.Edit) { Data = data };
            yield return new ExecuteAction(texts.Notice_Discard, NoticeVerbs.Discard) { Data = data };
            yield break;
        }
        yield return new ExecuteAction(texts.Notice_Status, NoticeVerbs.Status) { Data = data };
        if (notice.IsLive)
        {
            yield return new ExecuteAction(texts.Notice_Reschedule, NoticeVerbs.Reschedule) { Data = data };
            yield return new ExecuteAction(texts.Notice_Edit, NoticeVerbs.Edit) { Data = data };
            yield return new ExecuteAction(texts.Notice_Cancel, NoticeVerbs.Cancel) { Data = data };
        }
    }
}
