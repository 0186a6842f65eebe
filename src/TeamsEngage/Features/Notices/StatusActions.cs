using TeamsEngage.Bot;

namespace TeamsEngage.Features.Notices;

/// <summary>Status: delivered, pending, failed (and why) and acknowledged, per department.</summary>
public sealed class NoticeStatusAction(NoticeAccess access, NoticeBroadcaster broadcaster) : ICardAction
{
    public string Verb => NoticeVerbs.Status;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { } notice)
        {
            return allowed.Refused();
        }
        var report = await broadcaster.StatusAsync(notice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(NoticeStatusCards.Status(notice, report, context.Caller.Texts, CanRemind(notice, report)));
    }

    internal static bool CanRemind(Notice notice, NoticeStatusReport report) =>
        notice is { State: NoticeState.Sent, Reminded: false, Content.AckRequired: true } && report.Total.Delivered > report.Total.Acknowledged;
}

/// <summary>Remind: one reminder, once, to the people who received the notice and have not acknowledged it.</summary>
public sealed class RemindNoticeAction(NoticeAccess access, NoticeBroadcaster broadcaster) : ICardAction
{
    public string Verb => NoticeVerbs.Remind;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { } notice)
        {
            return allowed.Refused();
        }
        if (notice.Reminded)
        {
            return CardActionResult.WithMessage(texts["Notice_AlreadyReminded"]);
        }
        if (notice is not { State: NoticeState.Sent, Content.AckRequired: true })
        {
            return CardActionResult.WithMessage(texts["Notice_CannotRemind"]);
        }
        var receipt = await broadcaster.RemindAsync(notice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(receipt is null ? texts["Notice_AlreadyReminded"] : texts.Format("Notice_Reminded", receipt.Queued));
    }
}
