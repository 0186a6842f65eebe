using TeamsEngage.Anonymity;
using TeamsEngage.Asking;
using TeamsEngage.Bot;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// The author's buttons on a survey: send, results, close, remind everyone who has not answered, remind the
/// under-represented groups. Who may press which is decided by <see cref="SurveyAuthorAccess"/> first.
/// </summary>
public sealed class SurveyAuthorDesk(SurveyService service, AskAudiences audiences, SurveyResultsBuilder results, SurveyStore surveys)
{
    public async Task<CardActionResult> SendAsync(Survey draft, CardAction<SurveyRef> action, CancellationToken cancellationToken)
    {
        if (draft.Status != SurveyStatus.Draft)
        {
            return CardActionResult.WithMessage(action.Texts.Survey_AlreadySent);
        }
        if (!await audiences.MayTargetAsync(action.Caller, draft.Spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithMessage(action.Texts.Survey_Refused_Audience);
        }
        return await After(await service.SendAsync(draft, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> ResultsAsync(Survey survey, CardAction<SurveyResultsData> action, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(await results.BuildAsync(survey, action.Data.By, action, cancellationToken).ConfigureAwait(false));

    public async Task<CardActionResult> CloseAsync(Survey survey, CardAction<SurveyRef> action, CancellationToken cancellationToken) =>
        await After(await service.CloseAsync(survey.Id, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);

    public async Task<CardActionResult> RemindAsync(Survey survey, CardAction<SurveyRef> action, CancellationToken cancellationToken) =>
        await After(await service.RemindAsync(survey, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);

    /// <summary>The one reminder to the groups shown as under-represented now.</summary>
    public async Task<CardActionResult> RemindGroupsAsync(Survey survey, CardAction<SurveyRef> action, CancellationToken cancellationToken)
    {
        var rows = await results.RepresentationAsync(survey, cancellationToken).ConfigureAwait(false);
        var departments = rows.Where(r => r is { UnderRepresented: true, Dimension: SurveyRepresentation.Department }).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var roles = rows.Where(r => r is { UnderRepresented: true, Dimension: SurveyRepresentation.Role }).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return await After(await service.RemindGroupsAsync(survey, departments, roles, cancellationToken).ConfigureAwait(false), action, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> After(UpdateResult<Survey, Survey> update, CardActionContext context, CancellationToken cancellationToken) => update switch
    {
        { Outcome: UpdateOutcome.Contended } => CardActionResult.ChangedMeanwhile,
        { Refusal: { } key } => CardActionResult.WithMessage(context.Texts[key]),
        { State: { } survey } => CardActionResult.WithCard(await results.BuildAsync(await surveys.FindAsync(survey.Id, cancellationToken).ConfigureAwait(false) ?? survey, null, context, cancellationToken).ConfigureAwait(false)),
        _ => CardActionResult.NotFound,
    };
}
