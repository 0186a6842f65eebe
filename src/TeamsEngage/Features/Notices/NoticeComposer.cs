using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// What the author writes: the composer, the preview that creates or revises a draft, discarding a draft, and changes
/// (content or schedule window) to a notice that is out, which update every delivered card in place.
/// </summary>
public sealed class NoticeComposer(
    NoticeStore notices,
    NoticeValidator validator,
    NoticeBroadcaster broadcaster,
    NoticeCalendar calendar,
    IPeopleDirectory directory,
    NoticeTeller teller,
    TimeProvider clock)
{
    /// <summary><c>announce</c>: a blank composer, dated tomorrow evening in the author's zone.</summary>
    public async Task OpenAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var teamsZone = command.Turn.Activity.GetTimeZone();
        var zone = PeopleTime.Find(teamsZone) is not null ? teamsZone! : PeopleTime.CommonZones[0];
        var card = await ComposerAsync(command.Turn, command.Texts, NoticeForm.Blank(clock.GetUtcNow(), zone), [], live: false, cancellationToken).ConfigureAwait(false);
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Notice_ComposerTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new notice: the composer with its errors, or a new draft previewed as recipients will see it.</summary>
    public async Task<CardActionResult> PreviewAsync(CardAction<NoticeForm> action, CancellationToken cancellationToken)
    {
        // Always a new draft: an id in this verb's data (a forged card, or a draft's composer sent before Revise existed) is not trusted.
        var form = action.Data.Tidied() with { NoticeId = null };
        var result = await validator.ValidateAsync(form, action.Texts, cancellationToken).ConfigureAwait(false);
        if (result.Content is null)
        {
            return CardActionResult.WithCard(await ComposerAsync(action.Turn, action.Texts, form, result.Errors, live: false, cancellationToken).ConfigureAwait(false));
        }
        var check = await calendar.CheckAsync(result.Content.Window, cancellationToken).ConfigureAwait(false);
        var draft = new Notice(NewId(), action.Caller.UserId, result.Content, NoticeState.Draft, clock.GetUtcNow(), OutsideSchoolTime: check.OutsideSchoolTime);
        return await PreviewOfAsync(await notices.InsertAsync(draft, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The author's draft after editing: the composer with its errors, or the draft updated and previewed again.</summary>
    public async Task<CardActionResult> ReviseAsync(Notice draft, CardAction<NoticeForm> action, CancellationToken cancellationToken)
    {
        if (draft.State != NoticeState.Draft)
        {
            return CardActionResult.WithMessage(action.Texts.Notice_AlreadySent);
        }
        var form = action.Data.Tidied() with { NoticeId = draft.Id };
        var result = await validator.ValidateAsync(form, action.Texts, cancellationToken).ConfigureAwait(false);
        if (result.Content is not { } content)
        {
            return CardActionResult.WithCard(await ComposerAsync(action.Turn, action.Texts, form, result.Errors, live: false, cancellationToken).ConfigureAwait(false));
        }
        var check = await calendar.CheckAsync(content.Window, cancellationToken).ConfigureAwait(false);
        var update = await notices.UpdateAsync(draft.Id, current => current.State == NoticeState.Draft
            ? Decision.Write(current with { Content = content, OutsideSchoolTime = check.OutsideSchoolTime })
            : Decision.Refuse<Notice>(TextKeys.Notice_AlreadySent), cancellationToken).ConfigureAwait(false);
        return update.Written ? await PreviewOfAsync(update.State!, action, cancellationToken).ConfigureAwait(false) : update.Answer(action.Texts);
    }

    /// <summary>The composer filled with the notice; for a notice already out, saving updates the delivered cards.</summary>
    public async Task<CardActionResult> EditAsync(Notice notice, CardActionContext action, CancellationToken cancellationToken)
    {
        if (notice.State == NoticeState.Cancelled)
        {
            return CardActionResult.WithMessage(action.Texts.Notice_IsCancelled);
        }
        var form = await FormOfAsync(notice, cancellationToken).ConfigureAwait(false);
        var reached = await ReachedAsync(notice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(await ComposerAsync(action.Turn, action.Texts, form, [], notice.IsLive, cancellationToken, reached).ConfigureAwait(false));
    }

    /// <summary>Saves the changes to a notice that is out (or scheduled); its audience stays the one it went to.</summary>
    public async Task<CardActionResult> SaveAsync(Notice notice, CardAction<NoticeForm> action, CancellationToken cancellationToken)
    {
        if (!notice.IsLive)
        {
            return CardActionResult.WithMessage(action.Texts.Notice_NotLive);
        }
        // The live form has no audience inputs; any valid kind lets the rest be checked, and the stored audience is kept.
        var form = action.Data.Tidied() with { NoticeId = notice.Id, Audience = nameof(AudienceKind.Everyone) };
        var result = await validator.ValidateAsync(form, action.Texts, cancellationToken).ConfigureAwait(false);
        if (result.Content is not { } content)
        {
            var reached = await ReachedAsync(notice, cancellationToken).ConfigureAwait(false);
            return CardActionResult.WithCard(await ComposerAsync(action.Turn, action.Texts, form, result.Errors, live: true, cancellationToken, reached).ConfigureAwait(false));
        }
        return await ChangeAsync(notice, current => content with { Audience = current.Audience }, form.Telling, action.Texts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a draft nobody has seen.</summary>
    public async Task<CardActionResult> DiscardAsync(Notice notice, CardActionContext action, CancellationToken cancellationToken)
    {
        if (notice.State != NoticeState.Draft)
        {
            return CardActionResult.WithMessage(action.Texts.Notice_AlreadySent);
        }
        var deleted = await notices.DeleteAsync(notice.Id, current => current.State == NoticeState.Draft
            ? Decision.Write(current)
            : Decision.Refuse<Notice>(TextKeys.Notice_AlreadySent), cancellationToken).ConfigureAwait(false);
        return deleted.Written ? CardActionResult.WithMessage(action.Texts.Notice_Discarded) : deleted.Answer(action.Texts);
    }

    /// <summary>The window form of a notice that is out or scheduled, saying who will be told.</summary>
    public async Task<CardActionResult> RescheduleAsync(Notice notice, CardActionContext action, CancellationToken cancellationToken)
    {
        if (!notice.IsLive)
        {
            return CardActionResult.WithMessage(action.Texts.Notice_NotLive);
        }
        var form = NoticeForm.FromNotice(notice, new Dictionary<string, string>());
        var zones = PeopleTime.ZonesFor(action.Turn.Activity.GetTimeZone());
        var reached = await ReachedAsync(notice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(NoticeComposerCards.Reschedule(notice, form, [], zones, action.Texts, reached));
    }

    /// <summary>Saves a new window: every delivered card is updated in place and says the schedule changed.</summary>
    public async Task<CardActionResult> SaveRescheduleAsync(Notice notice, CardAction<NoticeForm> action, CancellationToken cancellationToken)
    {
        if (!notice.IsLive)
        {
            return CardActionResult.WithMessage(action.Texts.Notice_NotLive);
        }
        var form = action.Data.Tidied();
        var errors = new List<string>();
        if (NoticeValidator.ValidateWindow(form, action.Texts, errors) is not { } window)
        {
            var zones = PeopleTime.ZonesFor(action.Turn.Activity.GetTimeZone());
            var reached = await ReachedAsync(notice, cancellationToken).ConfigureAwait(false);
            return CardActionResult.WithCard(NoticeComposerCards.Reschedule(notice, form, errors, zones, action.Texts, reached));
        }
        return await ChangeAsync(notice, current => current with { Window = window }, NoticeTelling.None, action.Texts, cancellationToken).ConfigureAwait(false);
    }

    // Decided again on the notice as stored at the write, so a change made meanwhile is neither lost nor reported twice.
    // What the change means for the people it reached (told, asked to acknowledge again) is decided in the same write.
    private async Task<CardActionResult> ChangeAsync(Notice notice, Func<NoticeContent, NoticeContent> change, NoticeTelling telling, Texts texts, CancellationToken cancellationToken)
    {
        var check = await calendar.CheckAsync(change(notice.Content).Window, cancellationToken).ConfigureAwait(false);
        var effect = new NoticeChangeEffect(Told: false, AckAgain: false);
        var update = await notices.UpdateAsync(notice.Id, current =>
        {
            if (!current.IsLive)
            {
                return Decision.Refuse<Notice>(TextKeys.Notice_NotLive);
            }
            var content = change(current.Content);
            var changes = current.Content.ChangesTo(content);
            if (changes == NoticeChanges.None)
            {
                return Decision.Keep<Notice>();
            }
            effect = NoticeChangeEffect.Of(changes, telling, content.AckRequired);
            var round = current.AckRound + (effect.AckAgain && current.State == NoticeState.Sent ? 1 : 0);
            IReadOnlyList<NoticeTellDue>? due = effect.Told && current.State == NoticeState.Sent
                ? [.. current.TellsDue ?? [], new NoticeTellDue(current.Revision + 1, changes, current.Content.Window, effect.AckAgain)]
                : current.TellsDue;
            return Decision.Write(current with { Content = content, Changes = changes, Revision = current.Revision + 1, OutsideSchoolTime = check.OutsideSchoolTime, AckRound = round, TellsDue = due });
        }, cancellationToken).ConfigureAwait(false);
        if (!update.Written)
        {
            return update.Answer(texts);
        }
        var saved = update.State!;
        var sent = saved.State == NoticeState.Sent;
        var updated = sent ? await broadcaster.UpdateDeliveredAsync(saved, cancellationToken).ConfigureAwait(false) : 0;
        var told = sent && effect.Told ? await teller.TellDueAsync(saved).ConfigureAwait(false) : 0;
        var headline = texts.Notice_Updated(NoticeCards.DescribeChanges(saved.Changes, texts), updated);
        headline += told > 0 ? " " + texts.Notice_ToldLine(told) : string.Empty;
        headline += sent && effect.AckAgain ? " " + texts.Notice_AckAskedLine : string.Empty;
        return CardActionResult.WithCard(NoticeAuthorCards.Outcome(saved, texts, headline));
    }

    // Only a notice that went out has reached anyone; a scheduled one is told nobody (its card is not out yet).
    private async Task<int?> ReachedAsync(Notice notice, CancellationToken cancellationToken) =>
        notice.State == NoticeState.Sent ? await teller.ReachedAsync(notice, cancellationToken).ConfigureAwait(false) : null;

    private async Task<CardActionResult> PreviewOfAsync(Notice draft, CardActionContext action, CancellationToken cancellationToken)
    {
        var count = await broadcaster.CountAsync(draft.Content.Audience, cancellationToken).ConfigureAwait(false);
        var check = await calendar.CheckAsync(draft.Content.Window, cancellationToken).ConfigureAwait(false);
        var unreachable = await broadcaster.UnreachableCountAsync(draft.Content.Audience, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(NoticeAuthorCards.Preview(draft, action.Texts, action.Turn.Activity.GetTimeZone(), count, check.Conflicts, unreachable));
    }

    // The departments of the directory, and the zones offered to this author.
    private async Task<AdaptiveCard> ComposerAsync(TurnContext turn, Texts texts, NoticeForm form, IReadOnlyList<string> errors, bool live, CancellationToken cancellationToken, int? reached = null)
    {
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var zones = PeopleTime.ZonesFor(turn.Activity.GetTimeZone());
        return NoticeComposerCards.Composer(form, errors, departments, zones, texts, live, reached);
    }

    // Pilot people are shown by email so the form resolves to the same people.
    private async Task<NoticeForm> FormOfAsync(Notice notice, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (notice.Content.Audience.Kind == AudienceKind.People)
        {
            foreach (var key in notice.Content.Audience.Values)
            {
                var person = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
                labels[key] = person?.Email ?? person?.Name ?? key;
            }
        }
        return NoticeForm.FromNotice(notice, labels);
    }

    private string NewId() => string.Create(CultureInfo.InvariantCulture, $"n{clock.GetUtcNow():yyyyMMdd}-{Guid.NewGuid():N}")[..18];
}
