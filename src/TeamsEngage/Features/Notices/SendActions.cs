using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>Send now: asks for confirmation above the configured count, then hands the notice to the outbox.</summary>
public sealed class SendNoticeAction(NoticeAccess access, NoticeBroadcaster broadcaster, IOptions<NoticesOptions> options) : ICardAction
{
    public string Verb => NoticeVerbs.Send;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { State: NoticeState.Draft or NoticeState.Scheduled } notice)
        {
            return allowed.Notice is null ? allowed.Refused() : CardActionResult.WithMessage(texts["Notice_AlreadySent"]);
        }
        var count = await broadcaster.CountAsync(notice.Content.Audience, cancellationToken).ConfigureAwait(false);
        if (count > options.Value.ConfirmAbove && context.DataAs<NoticeActionData>() is not { Confirmed: true })
        {
            return CardActionResult.WithCard(NoticeAuthorCards.Confirm(notice, texts, count, sendAt: null));
        }
        var sent = await broadcaster.SendAsync(notice, cancellationToken).ConfigureAwait(false);
        if (sent is not { } done)
        {
            return CardActionResult.WithMessage(texts["Notice_ChangedMeanwhile"]);
        }
        var headline = texts.Format("Notice_SentHeadline", done.Receipt.Queued, done.Receipt.Unreachable);
        return CardActionResult.WithCard(NoticeAuthorCards.Outcome(done.Notice, texts, headline));
    }
}

/// <summary>Schedule: stores the send time (in the notice's zone); the scheduler sends it when due.</summary>
public sealed class ScheduleNoticeAction(NoticeStore notices, NoticeAccess access, NoticeBroadcaster broadcaster, IOptions<NoticesOptions> options, TimeProvider clock) : ICardAction
{
    public string Verb => NoticeVerbs.Schedule;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { State: NoticeState.Draft or NoticeState.Scheduled } notice)
        {
            return allowed.Notice is null ? allowed.Refused() : CardActionResult.WithMessage(texts["Notice_AlreadySent"]);
        }
        var data = context.DataAs<NoticeActionData>();
        var errors = new List<string>();
        var sendAt = data?.SendAt ?? ReadSendAt(context.RawData, notice, texts, errors);
        if (sendAt is null || sendAt <= clock.GetUtcNow())
        {
            return CardActionResult.WithMessage(errors.Count > 0 ? string.Join(' ', errors) : texts["Notice_Error_SendInPast"]);
        }
        var count = await broadcaster.CountAsync(notice.Content.Audience, cancellationToken).ConfigureAwait(false);
        if (count > options.Value.ConfirmAbove && data is not { Confirmed: true })
        {
            return CardActionResult.WithCard(NoticeAuthorCards.Confirm(notice, texts, count, sendAt));
        }
        var scheduled = await notices.TryUpdateAsync(notice with { State = NoticeState.Scheduled, SendAt = sendAt }, cancellationToken).ConfigureAwait(false);
        if (scheduled is null)
        {
            return CardActionResult.WithMessage(texts["Notice_ChangedMeanwhile"]);
        }
        var when = Cards.CardText.Escape(PeopleTime.LongWithZone(sendAt.Value, notice.Content.Window.TimeZone, texts));
        return CardActionResult.WithCard(NoticeAuthorCards.Outcome(scheduled, texts, texts.Format("Notice_ScheduledHeadline", when, count)));
    }

    private static DateTimeOffset? ReadSendAt(JsonElement data, Notice notice, Texts texts, List<string> errors)
    {
        var date = Field(data, "sendDate");
        var time = Field(data, "sendTime");
        return NoticeValidator.ParseInstant(date, time, PeopleTime.Find(notice.Content.Window.TimeZone), "Notice_Field_SendDate", texts, errors);
    }

    private static string Field(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : "";
}
