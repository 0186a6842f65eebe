using TeamsEngage.Localization;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Connector.Schema;
using TeamsEngage.People;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// <c>poll</c> opens the composer; <c>poll "Question?" "A" "B"</c> drafts a single-choice poll in one line (named,
/// live results, closing after <see cref="PollsOptions.QuickFormDuration"/>, to everyone for administrators and to
/// their own departments for liaisons) and shows its preview.
/// </summary>
public sealed class PollCommand(PollService service, TimeProvider clock, IOptions<PollsOptions> options) : ICommand
{
    public BotCommand Command => BotCommands.Poll;

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var now = clock.GetUtcNow();
        if (context.Arguments.Length == 0)
        {
            await context.Turn.SendAsync(Replies.Card(PollAuthorCards.Composer(texts, DateOnly.FromDateTime(now.AddDays(3).UtcDateTime)), texts["Poll_ComposerTitle"]), cancellationToken).ConfigureAwait(false);
            return;
        }
        var parsed = PollQuickForm.Parse(context.Arguments);
        if (!parsed.IsValid)
        {
            await context.Turn.SendAsync(Replies.Text(texts[parsed.ErrorKey!] + "\n\n" + texts["Poll_QuickForm_Syntax"]), cancellationToken).ConfigureAwait(false);
            return;
        }
        var audience = await DefaultAudienceAsync(context.Caller, cancellationToken).ConfigureAwait(false);
        if (audience is null)
        {
            await context.Turn.SendAsync(Replies.Text(texts["Poll_Refused_Audience"]), cancellationToken).ConfigureAwait(false);
            return;
        }
        var spec = new PollSpec(parsed.Question!, parsed.Options, false, false, false, ResultsVisibility.Live, now + options.Value.QuickFormDuration, audience);
        var draft = await service.CreateDraftAsync(spec, context.Caller, cancellationToken).ConfigureAwait(false);
        var preview = PollAuthorCards.Preview(draft, texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()));
        await context.Turn.SendAsync(Replies.Card(preview, texts["Poll_PreviewTitle"]), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Audience?> DefaultAudienceAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Has(Role.Administrator))
        {
            return Audience.Everyone;
        }
        var own = await service.OwnDepartmentsAsync(caller, cancellationToken).ConfigureAwait(false);
        return own.Count == 0 ? null : new Audience(AudienceKind.Departments, own);
    }
}
