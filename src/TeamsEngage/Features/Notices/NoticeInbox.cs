using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// What a recipient does with a notice: acknowledge it, once per person, answered with the card as that person now
/// sees it; or raise a concern, which goes to the notice's author and the person's own IT liaison. Only someone the
/// notice was delivered to may do either; data naming another notice is refused and changes nothing.
/// </summary>
public sealed class NoticeInbox(NoticeStore notices, NoticeAcknowledgements acks, NoticeConcerns concerns, IPeopleDirectory directory, IOutbox outbox, NoticeFigures figures, TimeProvider clock)
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
        var ack = await acks.AcknowledgeAsync(notice.Id, notice.AckRound, context.Caller.UserId, context.Caller.PersonKey, cancellationToken).ConfigureAwait(false);
        await figures.AcknowledgedAsync(notice, context.Caller.UserId, context.Caller.DepartmentCode, ack.At).ConfigureAwait(false);
        return CardActionResult.WithCard(NoticeCards.Notice(notice, texts, zone, NoticeView.Of(notice, ack)));
    }

    /// <summary>Records the concern (one per person, the latest kept) and tells the author and the sender's liaison, never the sender.</summary>
    public async Task<CardActionResult> RaiseConcernAsync(CardAction<NoticeConcernData> context, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        var id = context.Data.NoticeId;
        var notice = id is null ? null : await notices.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (notice is null || notice.State == NoticeState.Draft || !await IsRecipientAsync(notice, context.Caller.UserId, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.NotFound;
        }
        if (notice.State == NoticeState.Cancelled)
        {
            return CardActionResult.WithMessage(texts.Notice_ConcernCancelled);
        }
        var text = context.Data.Concern?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > NoticeConcerns.MaxText)
        {
            return CardActionResult.WithMessage(texts.Notice_ConcernMissing(NoticeConcerns.MaxText));
        }
        var caller = context.Caller;
        var person = (caller.PersonKey is { } key ? await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) : null)
            ?? await directory.FindByUserIdAsync(caller.UserId, cancellationToken).ConfigureAwait(false);
        var code = person?.DepartmentCode ?? caller.DepartmentCode;
        var department = code is null ? null : await directory.FindDepartmentAsync(code, cancellationToken).ConfigureAwait(false);
        var concern = new NoticeConcern(notice.Id, caller.UserId, person?.Key ?? caller.PersonKey, person?.Name ?? caller.Name, department?.Code, department?.Name, text, clock.GetUtcNow());
        await concerns.SaveAsync(concern, cancellationToken).ConfigureAwait(false);
        var (author, liaison) = await TellAsync(notice, concern, department, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage((author, liaison) switch
        {
            ({ } a, { } l) => texts.Notice_ConcernSentToBoth(CardText.Escape(a), CardText.Escape(l)),
            ({ } a, null) => texts.Notice_ConcernSentToAuthor(CardText.Escape(a)),
            (null, { } l) => texts.Notice_ConcernSentToLiaison(CardText.Escape(l)),
            _ => texts.Notice_ConcernRecorded,
        });
    }

    // The author, and the liaison (else the backup) of the sender's department; each once, and never the sender.
    private async Task<(string? Author, string? Liaison)> TellAsync(Notice notice, NoticeConcern concern, Department? department, CancellationToken cancellationToken)
    {
        var told = new HashSet<string>(StringComparer.Ordinal) { concern.UserId };
        string? authorName = null;
        if (told.Add(notice.AuthorUserId))
        {
            await QueueAsync(notice, concern, notice.AuthorUserId, cancellationToken).ConfigureAwait(false);
            authorName = (await directory.FindByUserIdAsync(notice.AuthorUserId, cancellationToken).ConfigureAwait(false))?.Name ?? string.Empty;
        }
        foreach (var key in new[] { department?.LiaisonKey, department?.BackupKey }.OfType<string>())
        {
            if (await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) is not { UserId: { } userId } handler || userId == concern.UserId)
            {
                continue; // a liaison who raises a concern has it go to their backup
            }
            if (told.Add(userId))
            {
                await QueueAsync(notice, concern, userId, cancellationToken).ConfigureAwait(false);
                return (authorName, handler.Name ?? string.Empty);
            }
            break; // the liaison wrote the notice and has it already
        }
        return (authorName, null);
    }

    private async Task QueueAsync(Notice notice, NoticeConcern concern, string recipientUserId, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(OutboxMessage.Create(recipientUserId, NoticeVerbs.ConcernKind, new NoticeConcernPayload(notice.Id, concern.UserId), OutboxPriority.Normal), cancellationToken).ConfigureAwait(false);

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
