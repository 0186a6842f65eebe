using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Preview: validates the composer and answers with the notice as recipients will see it (a new draft, or the
/// author's draft updated). Invalid input answers with the composer and its errors.
/// </summary>
public sealed class PreviewNoticeAction(NoticeStore notices, NoticeAccess access, NoticeValidator validator, NoticeBroadcaster broadcaster, TimeProvider clock) : ICardAction
{
    public string Verb => NoticeVerbs.Preview;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        if (!context.Caller.Has(Role.Administrator))
        {
            return CardActionResult.WithMessage(texts["Notice_Refused"]);
        }
        var form = NoticeForm.FromData(context.RawData);
        Notice? existing = null;
        if (form.NoticeId is not null)
        {
            var draftAccess = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
            if (draftAccess.Notice is not { State: NoticeState.Draft })
            {
                return draftAccess.Notice is null ? draftAccess.Refused() : CardActionResult.WithMessage(texts["Notice_AlreadySent"]);
            }
            existing = draftAccess.Notice;
        }
        var result = await validator.ValidateAsync(form, texts, cancellationToken).ConfigureAwait(false);
        if (result.Content is null)
        {
            return CardActionResult.WithCard(await access.ComposerAsync(context.Turn, texts, form, result.Errors, live: false, cancellationToken).ConfigureAwait(false));
        }
        var draft = existing is null
            ? await notices.InsertAsync(new Notice(NewId(), context.Caller.UserId, result.Content, NoticeState.Draft, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false)
            : await notices.TryUpdateAsync(existing with { Content = result.Content }, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return CardActionResult.WithMessage(texts["Notice_ChangedMeanwhile"]);
        }
        var count = await broadcaster.CountAsync(draft.Content.Audience, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(NoticeAuthorCards.Preview(draft, texts, context.Turn.Activity.GetTimeZone(), count));
    }

    private string NewId() => string.Create(CultureInfo.InvariantCulture, $"n{clock.GetUtcNow():yyyyMMdd}-{Guid.NewGuid():N}")[..18];
}

/// <summary>Edit: the composer filled with the notice; for a notice already out, saving updates the delivered cards.</summary>
public sealed class EditNoticeAction(NoticeAccess access) : ICardAction
{
    public string Verb => NoticeVerbs.Edit;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { } notice)
        {
            return allowed.Refused();
        }
        if (notice.State == NoticeState.Cancelled)
        {
            return CardActionResult.WithMessage(context.Caller.Texts["Notice_IsCancelled"]);
        }
        var form = await access.FormOfAsync(notice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(await access.ComposerAsync(context.Turn, context.Caller.Texts, form, [], notice.IsLive, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>Save changes to a notice that is out (or scheduled): every delivered card is updated and says what changed.</summary>
public sealed class SaveNoticeAction(NoticeStore notices, NoticeAccess access, NoticeValidator validator, NoticeBroadcaster broadcaster) : ICardAction
{
    public string Verb => NoticeVerbs.Save;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { IsLive: true } notice)
        {
            return allowed.Notice is null ? allowed.Refused() : CardActionResult.WithMessage(texts["Notice_NotLive"]);
        }
        // The audience of a notice that went out is fixed: the form has no audience inputs, so the stored one is kept.
        var form = NoticeForm.FromData(context.RawData) with { Audience = nameof(AudienceKind.Everyone) };
        var result = await validator.ValidateAsync(form, texts, cancellationToken).ConfigureAwait(false);
        if (result.Content is null)
        {
            return CardActionResult.WithCard(await access.ComposerAsync(context.Turn, texts, form, result.Errors, live: true, cancellationToken).ConfigureAwait(false));
        }
        var content = result.Content with { Audience = notice.Content.Audience };
        return await NoticeChangeFlow.ApplyAsync(notice, content, context, notices, broadcaster, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Discard: deletes a draft nobody has seen.</summary>
public sealed class DiscardNoticeAction(NoticeStore notices, NoticeAccess access) : ICardAction
{
    public string Verb => NoticeVerbs.Discard;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { State: NoticeState.Draft } notice)
        {
            return allowed.Notice is null ? allowed.Refused() : CardActionResult.WithMessage(texts["Notice_AlreadySent"]);
        }
        var deleted = await notices.TryDeleteAsync(notice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(texts[deleted ? "Notice_Discarded" : "Notice_ChangedMeanwhile"]);
    }
}

/// <summary>Stores a changed notice (ETag-checked) and updates every delivered card in place.</summary>
internal static class NoticeChangeFlow
{
    public static async Task<CardActionResult> ApplyAsync(Notice notice, NoticeContent content, CardActionContext context, NoticeStore notices, NoticeBroadcaster broadcaster, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var changes = NoticeAccess.Compare(notice.Content, content);
        if (changes == NoticeChanges.None)
        {
            return CardActionResult.WithMessage(texts["Notice_NothingChanged"]);
        }
        var saved = await notices.TryUpdateAsync(notice with { Content = content, Changes = changes, Revision = notice.Revision + 1 }, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return CardActionResult.WithMessage(texts["Notice_ChangedMeanwhile"]);
        }
        var updated = saved.State == NoticeState.Sent ? await broadcaster.UpdateDeliveredAsync(saved, cancellationToken).ConfigureAwait(false) : 0;
        var headline = texts.Format("Notice_Updated", NoticeCards.DescribeChanges(changes, texts), updated);
        return CardActionResult.WithCard(NoticeAuthorCards.Outcome(saved, texts, headline));
    }
}
