using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// What a recipient does with a notice: acknowledge it, once per person, answered with the card as that person now
/// sees it. Only someone the notice was delivered to may acknowledge it; data naming another notice is refused and
/// changes nothing.
/// </summary>
public sealed class NoticeInbox(NoticeStore notices, NoticeAcknowledgements acks, IOutbox outbox, NoticeFigures figures)
{
    /// <summary>Records the acknowledgement; <see cref="CardActionResult.NotFound"/> (not sent to you) for anyone else.</summary>
    public async Task<CardActionResult> AcknowledgeAsync(CardAction<NoticeActionData> context, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        var id = context.Data.NoticeId;
        var notice = id is null ? null : await notices.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (notice is null || notice.State == NoticeState.Draft || !await IsRecipientAsync(notice, context.Caller.UserId, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.NotFound;
        }
        var zone = context.Turn.Activity.GetTimeZone();
        if (notice.State == NoticeState.Cancelled)
        {
            return CardActionResult.WithCard(NoticeCards.Notice(notice, texts, zone, new NoticeView()));
        }
        if (!notice.Content.AckRequired)
        {
            return CardActionResult.WithMessage(texts.Notice_NoAckNeeded);
        }
        var ack = await acks.AcknowledgeAsync(notice.Id, context.Caller.UserId, context.Caller.PersonKey, cancellationToken).ConfigureAwait(false);
        await figures.AcknowledgedAsync(notice, context.Caller.UserId, context.Caller.DepartmentCode, ack.At).ConfigureAwait(false);
        return CardActionResult.WithCard(NoticeCards.Notice(notice, texts, zone, new NoticeView(ack.At)));
    }

    // The delivery row written when the outbox reported the send is the fast path; the outbox's own records cover
    // a press that arrives before that report was stored.
    private async Task<bool> IsRecipientAsync(Notice notice, string userId, CancellationToken cancellationToken)
    {
        if (await acks.WasDeliveredToAsync(notice.Id, userId, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        return await outbox.ReadDeliveriesAsync(notice.Id, cancellationToken)
            .AnyAsync(d => d.Status == DeliveryStatus.Sent && string.Equals(d.UserId, userId, StringComparison.Ordinal), cancellationToken)
            .ConfigureAwait(false);
    }
}
