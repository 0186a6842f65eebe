using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>Renders a concern for the notice's author or a liaison at send time, as the person last wrote it.</summary>
public sealed class NoticeConcernRenderer(NoticeStore notices, NoticeConcerns concerns, IPeopleDirectory directory) : OutboxRenderer<NoticeConcernPayload>
{
    public override string Kind => NoticeVerbs.ConcernKind;

    protected override async Task<RenderedMessage?> RenderAsync(NoticeConcernPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await notices.FindAsync(payload.NoticeId, cancellationToken).ConfigureAwait(false) is not { } notice
            || await concerns.FindAsync(payload.NoticeId, payload.UserId, cancellationToken).ConfigureAwait(false) is not { } concern)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var forAuthor = string.Equals(context.Recipient.UserId, notice.AuthorUserId, StringComparison.Ordinal);
        return new RenderedMessage(NoticeConcernCards.Told(notice, concern, texts, forAuthor), null, texts.Notice_ConcernTitle);
    }
}
