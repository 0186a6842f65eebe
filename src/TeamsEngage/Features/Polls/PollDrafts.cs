using TeamsEngage.Asking;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Drafting a poll. <c>poll</c> opens the composer and its Preview button stores a draft; <c>poll "Question?" "A" "B"</c>
/// drafts a single-choice poll in one line (named, live results, closing after <see cref="PollsOptions.QuickFormDuration"/>,
/// to everyone for administrators and to their own departments for liaisons). Either way the author sees a preview first.
/// </summary>
public sealed class PollDrafts(PollService service, AskAudiences audiences, TimeProvider clock, IOptions<PollsOptions> options)
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
        var texts = action.Texts;
        var zone = PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());
        var now = clock.GetUtcNow();
        var read = PollComposer.Read(action.Data, zone, now);
        if (read.Spec is null)
        {
            return CardActionResult.WithCard(Composer(texts, now, texts[read.ErrorKey!], action.Data));
        }
        if (!await audiences.MayTargetAsync(action.Caller, read.Spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithCard(Composer(texts, now, texts.Poll_Refused_Audience, action.Data));
        }
        if (read.Spec.Anonymous && await audiences.ReachableCountAsync(read.Spec.Audience, cancellationToken).ConfigureAwait(false) is var reachable && reachable < options.Value.MinGroupSize)
        {
            return CardActionResult.WithCard(Composer(texts, now, texts.Poll_Refused_AnonymousTooFew(reachable, options.Value.MinGroupSize), action.Data));
        }
        var draft = await service.CreateDraftAsync(read.Spec, action.Caller, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(PollAuthorCards.Preview(draft, texts, zone));
    }

    private static AdaptiveCard Composer(Texts texts, DateTimeOffset now, string error, ComposerData previous) =>
        PollAuthorCards.Composer(texts, DefaultCloseDate(now), error, previous);

    private static DateOnly DefaultCloseDate(DateTimeOffset now) => DateOnly.FromDateTime(now.AddDays(3).UtcDateTime);
}
