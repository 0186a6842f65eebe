using TeamsEngage.Anonymity;
using TeamsEngage.Asking;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using Microsoft.Extensions.Options;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Composing a survey: <c>survey</c> offers the templates, a template fills the composer in the author's language, and
/// Preview checks everything (the ten-minute rule, the audience the author may ask, an anonymous survey's minimum
/// audience), stores a draft and shows it as recipients will see it.
/// </summary>
public sealed class SurveyDrafts(SurveyService service, AskAudiences audiences, TimeProvider clock, IOptions<AnonymityOptions> anonymity)
{
    public Task StartAsync(CommandContext command, CancellationToken cancellationToken) =>
        command.Turn.SendAsync(Replies.Card(SurveyAuthorCards.Templates(command.Texts), command.Texts.Survey_ComposerTitle), cancellationToken);

    public Task<CardActionResult> TemplateAsync(CardAction<TemplateData> action) =>
        Task.FromResult(CardActionResult.WithCard(SurveyAuthorCards.Composer(action.Texts, DefaultCloseDate(), SurveyTemplates.For(action.Data.Template, action.Texts))));

    public async Task<CardActionResult> PreviewAsync(CardAction<SurveyComposerData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var zone = PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());
        var read = SurveyComposer.Read(action.Data, texts, zone, clock.GetUtcNow());
        if (read.Spec is not { } spec)
        {
            return CardActionResult.WithCard(Composer(texts, action.Data, read.Error!));
        }
        if (!await audiences.MayTargetAsync(action.Caller, spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithCard(Composer(texts, action.Data, texts.Survey_Refused_Audience));
        }
        var reachable = await audiences.ReachableCountAsync(spec.Audience, cancellationToken).ConfigureAwait(false);
        if (spec.Anonymous && reachable < anonymity.Value.MinGroupSize)
        {
            return CardActionResult.WithCard(Composer(texts, action.Data, texts.Survey_Refused_AnonymousTooFew(reachable, anonymity.Value.MinGroupSize)));
        }
        var draft = await service.CreateDraftAsync(spec, action.Caller, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(SurveyAuthorCards.Preview(draft, reachable, texts, zone));
    }

    private AdaptiveCard Composer(Texts texts, SurveyComposerData values, string error) =>
        SurveyAuthorCards.Composer(texts, DefaultCloseDate(), values, error);

    private DateOnly DefaultCloseDate() => DateOnly.FromDateTime(clock.GetUtcNow().AddDays(7).UtcDateTime);
}
