using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Renders <c>notice.card</c> at send time from the stored notice, in the recipient's language and time zone.
/// A notice cancelled before a person's turn came is skipped; an update after cancelling shows the cancelled card.
/// </summary>
public sealed class NoticeCardRenderer(NoticeStore notices, NoticeAcknowledgements acks, IPeopleDirectory directory, NoticeFigures figures) : OutboxRenderer<NoticePayload>
{
    public override string Kind => NoticeVerbs.CardKind;

    protected override async Task<RenderedMessage?> RenderAsync(NoticePayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        var notice = payload.NoticeId is { Length: > 0 } ? await notices.FindAsync(payload.NoticeId, cancellationToken).ConfigureAwait(false) : null;
        if (notice is null || notice.State == NoticeState.Draft || (notice.State == NoticeState.Cancelled && !context.IsUpdate))
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var ack = await acks.FindAsync(notice.Id, context.Recipient.UserId, cancellationToken).ConfigureAwait(false);
        var card = NoticeCards.Notice(notice, texts, context.Recipient.TimeZone, NoticeView.Of(notice, ack, payload.Reminder));
        return new RenderedMessage(card, null, NoticeCards.Summary(notice, texts));
    }

    protected override async Task OnDeliveredAsync(NoticePayload payload, DeliveredContext context, CancellationToken cancellationToken)
    {
        if (payload.NoticeId is { Length: > 0 } noticeId)
        {
            await acks.RecordDeliveryAsync(noticeId, new NoticeRecipient(context.RecipientUserId, context.ConversationId, context.ActivityId), cancellationToken).ConfigureAwait(false);
            await figures.DeliveredAsync(noticeId, context.RecipientUserId, cancellationToken).ConfigureAwait(false);
        }
    }

    // Only the notice itself counts: a reminder or an update of a card someone already had is not a new reach.
    protected override Task OnUndeliverableAsync(NoticePayload payload, UndeliverableContext context, CancellationToken cancellationToken) =>
        payload.NoticeId is { Length: > 0 } noticeId && !payload.Reminder && !context.IsUpdate && (context.PersonKey ?? context.UserId) is { } person
            ? figures.UnreachableAsync(noticeId, person, context.DepartmentCode, context.Reason)
            : Task.CompletedTask;
}
