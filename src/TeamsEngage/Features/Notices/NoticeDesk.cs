using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// The author's desk for notices that exist: the list, sending now or later (with a confirmation above the configured
/// count), cancelling, the delivery status and the one reminder.
/// </summary>
public sealed class NoticeDesk(NoticeStore notices, NoticeBroadcaster broadcaster, NoticeCalendar calendar, NoticeConcerns concerns, NoticeProgress progress, IPeopleDirectory directory, IOptions<NoticesOptions> options, TimeProvider clock)
{
    /// <summary>How many notices <c>notices</c> lists.</summary>
    public const int Shown = 10;

    /// <summary><c>notices</c>: the caller's notices, newest first, with their status and what can be changed.</summary>
    public async Task ListAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var mine = await notices.ListAsync(cancellationToken)
            .Where(n => string.Equals(n.AuthorUserId, command.Caller.UserId, StringComparison.Ordinal))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var newest = mine.OrderByDescending(n => n.CreatedAt).Take(Shown).ToList();
        await command.Turn.SendAsync(Replies.Card(NoticeAuthorCards.List(newest, command.Texts), command.Texts.Notice_ListTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Send now: asks for confirmation above the configured count, then hands the notice to the outbox.</summary>
    public async Task<CardActionResult> SendAsync(Notice notice, CardAction<NoticeActionData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (notice.State is not (NoticeState.Draft or NoticeState.Scheduled))
        {
            return CardActionResult.WithMessage(texts.Notice_AlreadySent);
        }
        var (reasoned, refusal) = await WithCalendarReasonAsync(notice, action.Data.CalendarReason, texts, cancellationToken).ConfigureAwait(false);
        if (reasoned is null)
        {
            return refusal!;
        }
        notice = reasoned;
        var count = await broadcaster.CountAsync(notice.Content.Audience, cancellationToken).ConfigureAwait(false);
        var quiet = await QuietLineAsync(notice, clock.GetUtcNow(), action, cancellationToken).ConfigureAwait(false);
        if (count > options.Value.ConfirmAbove && !action.Data.Confirmed)
        {
            return CardActionResult.WithCard(NoticeAuthorCards.Confirm(notice, texts, count, sendAt: null, quiet));
        }
        if (await broadcaster.SendAsync(notice, AuthorCardOf(action)).ConfigureAwait(false) is not { } sent)
        {
            return CardActionResult.ChangedMeanwhile;
        }
        var report = await progress.ReadAsync(sent, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(NoticeProgressCards.Sent(sent, report, texts, quiet));
    }

    // The card the author pressed Send or Schedule on: it shows the progress while the broadcast runs.
    private static NoticeAuthorCard? AuthorCardOf(CardActionContext action) =>
        action.CardActivityId is { Length: > 0 } activityId && action.Turn.Activity.Conversation?.Id is { Length: > 0 } conversationId
            ? new NoticeAuthorCard(action.Caller.UserId, conversationId, activityId)
            : null;

    /// <summary>
    /// Send a test to me: the card exactly as recipients will get it, as a new message in the author's chat (so it
    /// notifies like the real one), under a line saying nobody else got it. Nothing is recorded and no one else is sent anything.
    /// </summary>
    public async Task<CardActionResult> SendTestAsync(Notice notice, CardAction<NoticeActionData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (notice.State is not (NoticeState.Draft or NoticeState.Scheduled))
        {
            return CardActionResult.WithMessage(texts.Notice_AlreadySent);
        }
        var card = NoticeCards.TestCopy(notice, texts, action.Turn.Activity.GetTimeZone());
        await action.Turn.SendAsync(Replies.Card(card, NoticeCards.Summary(notice, texts)), cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(texts.Notice_TestSent);
    }

    /// <summary>Schedule: stores the send time (typed in the notice's zone); the scheduler sends it when due.</summary>
    public async Task<CardActionResult> ScheduleAsync(Notice notice, CardAction<ScheduleData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (notice.State is not (NoticeState.Draft or NoticeState.Scheduled))
        {
            return CardActionResult.WithMessage(texts.Notice_AlreadySent);
        }
        var errors = new List<string>();
        var sendAt = action.Data.SendAt ?? SendAtTyped(action.Data, notice, texts, errors);
        if (sendAt is not { } at || at <= clock.GetUtcNow())
        {
            return CardActionResult.WithMessage(errors.Count > 0 ? string.Join(' ', errors) : texts.Notice_Error_SendInPast);
        }
        var (reasoned, refusal) = await WithCalendarReasonAsync(notice, action.Data.CalendarReason, texts, cancellationToken).ConfigureAwait(false);
        if (reasoned is null)
        {
            return refusal!;
        }
        notice = reasoned;
        var count = await broadcaster.CountAsync(notice.Content.Audience, cancellationToken).ConfigureAwait(false);
        if (count > options.Value.ConfirmAbove && !action.Data.Confirmed)
        {
            var quietAt = await QuietLineAsync(notice, at, action, cancellationToken).ConfigureAwait(false);
            return CardActionResult.WithCard(NoticeAuthorCards.Confirm(notice, texts, count, at, quietAt));
        }
        var update = await notices.UpdateAsync(notice.Id, current => current.State is NoticeState.Draft or NoticeState.Scheduled
            ? Decision.Write(current with { State = NoticeState.Scheduled, SendAt = at, AuthorCard = AuthorCardOf(action) ?? current.AuthorCard })
            : Decision.Refuse<Notice>(TextKeys.Notice_AlreadySent), cancellationToken).ConfigureAwait(false);
        if (!update.Written)
        {
            return update.Answer(texts);
        }
        var when = Cards.CardText.Escape(PeopleTime.LongWithZone(at, notice.Content.Window.TimeZone, texts));
        return CardActionResult.WithCard(NoticeAuthorCards.Outcome(update.State!, texts, texts.Notice_ScheduledHeadline(when, count)));
    }

    // "1,840 now, 2,160 after 3:10 PM" for a routine notice sent at that moment; null when nobody would wait.
    private async Task<string?> QuietLineAsync(Notice notice, DateTimeOffset at, CardActionContext action, CancellationToken cancellationToken) =>
        await broadcaster.ForecastAsync(notice, at, cancellationToken).ConfigureAwait(false) is { } wait
            ? NoticeQuietText.Of(wait, at, ReaderZone(action), action.Texts)
            : null;

    private static TimeZoneInfo ReaderZone(CardActionContext action) => PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());

    /// <summary>Cancel: stops the deliveries not yet made and marks every delivered card as cancelled.</summary>
    public async Task<CardActionResult> CancelAsync(Notice notice, CardActionContext action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (!notice.IsLive)
        {
            return CardActionResult.WithMessage(texts.Notice_NotLive);
        }
        var update = await notices.UpdateAsync(notice.Id, current => current.IsLive
            ? Decision.Write(current with { State = NoticeState.Cancelled })
            : Decision.Refuse<Notice>(TextKeys.Notice_NotLive), cancellationToken).ConfigureAwait(false);
        if (update.State is not { } cancelled || !update.Written)
        {
            return update.Answer(texts);
        }
        // A notice that only waited for its send time has nothing delivered to stop or update.
        var (stopped, updated) = cancelled.SentAt is not null
            ? await broadcaster.CancelAsync(cancelled, cancellationToken).ConfigureAwait(false)
            : (0, 0);
        return CardActionResult.WithCard(NoticeAuthorCards.Outcome(cancelled, texts, texts.Notice_CancelledHeadline(stopped, updated)));
    }

    /// <summary>Status: delivered, pending, failed (and why) and acknowledged, per department.</summary>
    public async Task<CardActionResult> StatusAsync(Notice notice, CardActionContext action, CancellationToken cancellationToken)
    {
        var report = await broadcaster.StatusAsync(notice, cancellationToken).ConfigureAwait(false);
        var raised = await concerns.ListAsync(notice.Id, cancellationToken).ConfigureAwait(false);
        var quiet = report.Quiet is { } wait ? NoticeQuietText.Of(wait, clock.GetUtcNow(), ReaderZone(action), action.Texts) : null;
        var departments = (await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(d => d.Code, d => d.Name, StringComparer.OrdinalIgnoreCase);
        return CardActionResult.WithCard(NoticeStatusCards.Status(notice, report, action.Texts, CanRemind(notice, report), raised, quiet, report.Sending, departments));
    }

    /// <summary>Who could not be reached, and why, a page at a time, named from the directory.</summary>
    public async Task<CardActionResult> UnreachableAsync(Notice notice, CardAction<NoticePageData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var failed = await broadcaster.UnreachableAsync(notice, cancellationToken).ConfigureAwait(false);
        var pages = Math.Max(1, (failed.Count + NoticeUnreachableCards.PageSize - 1) / NoticeUnreachableCards.PageSize);
        var page = Math.Clamp(action.Data.Page, 1, pages);
        var departments = (await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(d => d.Code, d => d.Name, StringComparer.OrdinalIgnoreCase);
        var people = new List<NoticeUnreachablePerson>();
        foreach (var record in failed.Skip((page - 1) * NoticeUnreachableCards.PageSize).Take(NoticeUnreachableCards.PageSize))
        {
            var person = await directory.FindAsync(record.PersonKey, cancellationToken).ConfigureAwait(false);
            var department = record.DepartmentCode is { Length: > 0 } code ? departments.GetValueOrDefault(code) ?? code : texts.Notice_Stat_NoDepartment;
            people.Add(new NoticeUnreachablePerson(person?.Name ?? person?.Email ?? record.PersonKey, department, NoticeStatusCards.ReasonText(NoticeStatusReport.ReasonOf(record), texts)));
        }
        return CardActionResult.WithCard(NoticeUnreachableCards.List(notice, people, failed.Count, page, texts));
    }

    /// <summary>Remind: one reminder, once, to the people who received the notice and have not acknowledged it.</summary>
    public async Task<CardActionResult> RemindAsync(Notice notice, CardActionContext action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (notice.Reminded)
        {
            return CardActionResult.WithMessage(texts.Notice_AlreadyReminded);
        }
        if (notice is not { State: NoticeState.Sent, Content.AckRequired: true })
        {
            return CardActionResult.WithMessage(texts.Notice_CannotRemind);
        }
        // The reminder goes to who has a row: while rows are still written, part of the audience would be left out.
        if (await broadcaster.WritingAsync(notice, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithMessage(texts.Notice_RemindWhileWriting);
        }
        var receipt = await broadcaster.RemindAsync(notice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(receipt is null ? texts.Notice_AlreadyReminded : texts.Notice_Reminded(receipt.Queued));
    }

    // The reminder goes to who received the notice, so it waits until everyone has a row.
    private static bool CanRemind(Notice notice, NoticeStatusReport report) =>
        notice is { State: NoticeState.Sent, Reminded: false, Content.AckRequired: true } && report.Writing is null && report.Total.Delivered > report.Total.Acknowledged;

    /// <summary>
    /// A window that overlaps the school calendar goes out only with a reason, checked here on the server whatever the
    /// card sent; the reason is stored with the notice and shown to its author in <c>notices</c>.
    /// </summary>
    private async Task<(Notice? Notice, CardActionResult? Refusal)> WithCalendarReasonAsync(Notice notice, string? typed, Texts texts, CancellationToken cancellationToken)
    {
        var check = await calendar.CheckAsync(notice.Content.Window, cancellationToken).ConfigureAwait(false);
        var reason = string.IsNullOrWhiteSpace(typed) ? notice.CalendarReason : typed.Trim();
        if (!check.NeedsReason || (reason is not null && reason == notice.CalendarReason))
        {
            return (notice, null);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, CardActionResult.WithMessage(texts.Notice_CalendarReasonRequired(NoticeCalendar.Describe(check.Conflicts, texts))));
        }
        var update = await notices.UpdateAsync(notice.Id, current => Decision.Write(current with { CalendarReason = reason }), cancellationToken).ConfigureAwait(false);
        return update.Written ? (update.State, null) : (null, update.Answer(texts));
    }

    private static DateTimeOffset? SendAtTyped(ScheduleData data, Notice notice, Texts texts, List<string> errors) =>
        NoticeValidator.ParseInstant(data.SendDate?.Trim() ?? "", data.SendTime?.Trim() ?? "", PeopleTime.Find(notice.Content.Window.TimeZone), TextKeys.Notice_Field_SendDate, texts, errors);
}
