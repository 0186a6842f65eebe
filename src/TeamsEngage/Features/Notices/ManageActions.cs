using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Notices;

/// <summary>Reschedule: the window form of a notice that is out or scheduled.</summary>
public sealed class RescheduleNoticeAction(NoticeAccess access) : ICardAction
{
    public string Verb => NoticeVerbs.Reschedule;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { IsLive: true } notice)
        {
            return allowed.Notice is null ? allowed.Refused() : CardActionResult.WithMessage(context.Caller.Texts["Notice_NotLive"]);
        }
        var form = NoticeForm.FromNotice(notice, new Dictionary<string, string>());
        var zones = PeopleTime.ZonesFor(context.Turn.Activity.GetTimeZone());
        return CardActionResult.WithCard(NoticeComposerCards.Reschedule(notice, form, [], zones, context.Caller.Texts));
    }
}

/// <summary>Saves a new window: every delivered card is updated in place and says the schedule changed.</summary>
public sealed class SaveRescheduleAction(NoticeStore notices, NoticeAccess access, NoticeBroadcaster broadcaster) : ICardAction
{
    public string Verb => NoticeVerbs.RescheduleSave;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { IsLive: true } notice)
        {
            return allowed.Notice is null ? allowed.Refused() : CardActionResult.WithMessage(texts["Notice_NotLive"]);
        }
        var form = NoticeForm.FromData(context.RawData);
        var errors = new List<string>();
        var window = NoticeValidator.ValidateWindow(form, texts, errors);
        if (window is null)
        {
            var zones = PeopleTime.ZonesFor(context.Turn.Activity.GetTimeZone());
            return CardActionResult.WithCard(NoticeComposerCards.Reschedule(notice, form, errors, zones, texts));
        }
        return await NoticeChangeFlow.ApplyAsync(notice, notice.Content with { Window = window }, context, notices, broadcaster, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Cancel: stops the deliveries not yet made and marks every delivered card as cancelled.</summary>
public sealed class CancelNoticeAction(NoticeStore notices, NoticeAccess access, NoticeBroadcaster broadcaster) : ICardAction
{
    public string Verb => NoticeVerbs.Cancel;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var allowed = await access.ForAuthorAsync(context, cancellationToken).ConfigureAwait(false);
        if (allowed.Notice is not { IsLive: true } notice)
        {
            return allowed.Notice is null ? allowed.Refused() : CardActionResult.WithMessage(texts["Notice_NotLive"]);
        }
        var cancelled = await notices.TryUpdateAsync(notice with { State = NoticeState.Cancelled }, cancellationToken).ConfigureAwait(false);
        if (cancelled is null)
        {
            return CardActionResult.WithMessage(texts["Notice_ChangedMeanwhile"]);
        }
        var (stopped, updated) = notice.State == NoticeState.Sent
            ? await broadcaster.CancelAsync(cancelled, cancellationToken).ConfigureAwait(false)
            : (0, 0);
        return CardActionResult.WithCard(NoticeAuthorCards.Outcome(cancelled, texts, texts.Format("Notice_CancelledHeadline", stopped, updated)));
    }
}
