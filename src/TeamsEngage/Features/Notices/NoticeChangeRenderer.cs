using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Renders the message telling one recipient that a notice changed, in their language and time zone. Nothing is sent
/// once the notice is cancelled: its cancelled card says more than the change did.
/// </summary>
public sealed class NoticeChangeRenderer(NoticeStore notices, IPeopleDirectory directory) : OutboxRenderer<NoticeChangePayload>
{
    public override string Kind => NoticeVerbs.ChangeKind;

    protected override async Task<RenderedMessage?> RenderAsync(NoticeChangePayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        var notice = payload.NoticeId is { Length: > 0 } ? await notices.FindAsync(payload.NoticeId, cancellationToken).ConfigureAwait(false) : null;
        if (notice is null || notice.State != NoticeState.Sent)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var card = NoticeChangeCards.Told(notice, payload, texts, context.Recipient.TimeZone);
        return new RenderedMessage(card, null, NoticeChangeCards.Headline(notice, payload, texts, context.Recipient.TimeZone));
    }
}
