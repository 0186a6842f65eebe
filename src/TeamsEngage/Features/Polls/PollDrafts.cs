using TeamsEngage.Asking;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Drafting a poll. <c>poll</c> opens the composer and its Preview button stores a draft; <c>poll "Question?" "A" "B"</c>
/// drafts a single-choice poll in one line (named, live results, closing after <see cref="PollsOptions.QuickFormDuration"/>,
/// to everyone for administrators and to their own departments for liaisons). Either way the author sees a preview first,
/// from which the draft is sent, edited or discarded.
/// </summary>
public sealed class PollDrafts(PollService service, PollStore polls, AskAudiences audiences, TimeProvider clock, IOptions<PollsOptions> options)
{
    /// <summary>The <c>poll</c> command: the composer, or the quick form's preview.</summary>
    public async Task StartAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var texts = command.Texts;
        var now = clock.GetUtcNow();
        if (command.Arguments.Length == 0)
        {
            await command.Turn.SendAsync(Replies.Card(PollAuthorCards.Composer(texts, DefaultCloseDate(now)), texts.Poll_ComposerTitle), cancellationToken).ConfigureAwait(false);
            return;
        }
        var parsed = PollQuickForm.Parse(command.Arguments);
        if (!parsed.IsValid)
        {
            await command.Turn.SendAsync(Replies.Text(texts[parsed.ErrorKey!] + "\n\n" + texts.Poll_QuickForm_Syntax), cancellationToken).ConfigureAwait(false);
            return;
        }
        var audience = await audiences.DefaultAsync(command.Caller, cancellationToken).ConfigureAwait(false);
        if (audience is null)
        {
            await command.Turn.SendAsync(Replies.Text(texts.Poll_Refused_Audience), cancellationToken).ConfigureAwait(false);
            return;
        }
        var spec = new PollSpec(parsed.Question!, parsed.Options, false, false, false, ResultsVisibility.Live, now + options.Value.QuickFormDuration, audience);
        var draft = await service.CreateDraftAsync(spec, command.Caller, cancellationToken).ConfigureAwait(false);
        var preview = PollAuthorCards.Preview(draft, texts, PeopleTime.ZoneOrUtc(command.Turn.Activity.GetTimeZone()));
        await command.Turn.SendAsync(Replies.Card(preview, texts.Poll_PreviewTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The composer's Preview button: checks the poll and the audience, stores a draft, shows the preview.</summary>
    public async Task<CardActionResult> PreviewAsync(CardAction<ComposerData> action, CancellationToken cancellationToken)
    {
        // Always a new draft: a draft id in this verb's data (a forged card) is not trusted.
        var data = action.Data with { PollId = null };
        var (spec, refusal) = await ReadAsync(data, action, cancellationToken).ConfigureAwait(false);
        if (spec is null)
        {
            return refusal!;
        }
        var draft = await service.CreateDraftAsync(spec, action.Caller, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(PollAuthorCards.Preview(draft, action.Texts, ZoneOf(action)));
    }

    /// <summary>Edit on the preview: the composer filled with the draft, whose Preview revises that draft.</summary>
    public CardActionResult Edit(Poll draft, CardActionContext action)
    {
        if (draft.Status != PollStatus.Draft)
        {
            return CardActionResult.WithMessage(action.Texts.Poll_AlreadySent);
        }
        var zone = ZoneOf(action);
        var form = PollAuthorCards.FormOf(draft, zone);
        return CardActionResult.WithCard(PollAuthorCards.Composer(action.Texts, DefaultCloseDate(clock.GetUtcNow()), null, form));
    }

    /// <summary>The revised composer: its errors, or the same draft updated and previewed again.</summary>
    public async Task<CardActionResult> ReviseAsync(Poll draft, CardAction<ComposerData> action, CancellationToken cancellationToken)
    {
        if (draft.Status != PollStatus.Draft)
        {
            return CardActionResult.WithMessage(action.Texts.Poll_AlreadySent);
        }
        var (spec, refusal) = await ReadAsync(action.Data with { PollId = draft.Id }, action, cancellationToken).ConfigureAwait(false);
        if (spec is null)
        {
            return refusal!;
        }
        try
        {
            // Conditional on the draft as read: a Send pressed meanwhile wins, and nothing sent changes.
            var revised = await polls.UpdateAsync(draft with { Spec = spec }, cancellationToken).ConfigureAwait(false);
            return CardActionResult.WithCard(PollAuthorCards.Preview(revised, action.Texts, ZoneOf(action)));
        }
        catch (Exception e) when (e is StorePreconditionFailedException or StoreNotFoundException)
        {
            return CardActionResult.ChangedMeanwhile;
        }
    }

    /// <summary>Discard on the preview: deletes the draft nobody has seen.</summary>
    public async Task<CardActionResult> DiscardAsync(Poll draft, CardActionContext action, CancellationToken cancellationToken)
    {
        if (draft.Status != PollStatus.Draft)
        {
            return CardActionResult.WithMessage(action.Texts.Poll_AlreadySent);
        }
        try
        {
            await polls.DeleteDraftAsync(draft, cancellationToken).ConfigureAwait(false);
            return CardActionResult.WithMessage(action.Texts.Poll_Discarded);
        }
        catch (Exception e) when (e is StorePreconditionFailedException or StoreNotFoundException)
        {
            return CardActionResult.ChangedMeanwhile;
        }
    }

    // The composer's inputs as a spec the caller may send, or the composer again naming the first problem.
    private async Task<(PollSpec? Spec, CardActionResult? Refusal)> ReadAsync(ComposerData data, CardAction<ComposerData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var now = clock.GetUtcNow();
        var read = PollComposer.Read(data, ZoneOf(action), now);
        string? error = null;
        if (read.Spec is null)
        {
            error = texts[read.ErrorKey!];
        }
        else if (!await audiences.MayTargetAsync(action.Caller, read.Spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            error = texts.Poll_Refused_Audience;
        }
        else if (read.Spec.Anonymous && await audiences.ReachableCountAsync(read.Spec.Audience, cancellationToken).ConfigureAwait(false) is var reachable && reachable < options.Value.MinGroupSize)
        {
            error = texts.Poll_Refused_AnonymousTooFew(reachable, options.Value.MinGroupSize);
        }
        return error is null ? (read.Spec, null) : (null, CardActionResult.WithCard(PollAuthorCards.Composer(texts, DefaultCloseDate(now), error, data)));
    }

    private static TimeZoneInfo ZoneOf(CardActionContext action) => PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());

    private static DateOnly DefaultCloseDate(DateTimeOffset now) => DateOnly.FromDateTime(now.AddDays(3).UtcDateTime);
}
