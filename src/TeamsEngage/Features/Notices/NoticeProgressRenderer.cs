using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Renders <c>notice.progress</c>: the author's card of a sent notice with the progress the update was queued with,
/// in the author's language. Once the notice is no longer sent (cancelled), the update is skipped.
/// </summary>
public sealed class NoticeProgressRenderer(NoticeStore notices, NoticeProgress progress, IPeopleDirectory directory) : OutboxRenderer<NoticeProgressPayload>
{
    public override string Kind => NoticeVerbs.ProgressKind;

    protected override async Task<RenderedMessage?> RenderAsync(NoticeProgressPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        var notice = payload.NoticeId is { Length: > 0 } ? await notices.FindAsync(payload.NoticeId, cancellationToken).ConfigureAwait(false) : null;
        if (notice is not { State: NoticeState.Sent })
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var report = payload.Report ?? await progress.ReadAsync(notice, cancellationToken).ConfigureAwait(false);
        var card = NoticeProgressCards.Sent(notice, report, texts);
        return new RenderedMessage(card, null, texts.Notice_ProgressHeadline(report.Percent));
    }
}
