using TeamsEngage.Bot;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Who may act on a survey as its author: the author may send, remind, see results and close; administrators may also
/// see results and close anyone's survey, never send or remind for someone else. A draft answers only Send.
/// </summary>
public sealed class SurveyAuthorAccess(SurveyStore surveys) : IEntityAccess<Survey>
{
    public async Task<EntityAccess<Survey>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        var survey = await surveys.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (survey is null || (survey.Status == SurveyStatus.Draft && context.Verb != SurveyVerbs.Send))
        {
            return EntityAccess.Missing<Survey>();
        }
        var isAuthor = string.Equals(survey.AuthorUserId, context.Caller.UserId, StringComparison.Ordinal);
        var administratorMay = context.Verb is SurveyVerbs.Results or SurveyVerbs.Close && context.Caller.Has(Role.Administrator);
        return isAuthor || administratorMay ? EntityAccess.Granted(survey) : EntityAccess.NotYours<Survey>();
    }
}

/// <summary>A sent survey as a respondent's card sees it: the definition and, while it is open, the key secret.</summary>
public sealed record SurveyBallot(Survey Survey, byte[]? Secret);

/// <summary>The survey a respondent's card names; a card pressed by anyone but the person it was rendered for is not theirs.</summary>
public sealed class SurveyBallotAccess(SurveyStore surveys) : IEntityAccess<SurveyBallot>
{
    public async Task<EntityAccess<SurveyBallot>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        var survey = await surveys.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (survey is null || survey.Status == SurveyStatus.Draft)
        {
            return EntityAccess.Missing<SurveyBallot>();
        }
        var renderedFor = CardData.Bind<SurveyRef>(context.RawData)?.For;
        return renderedFor is null || renderedFor == context.Caller.UserId
            ? EntityAccess.Granted(new SurveyBallot(survey, await surveys.SecretAsync(survey, cancellationToken).ConfigureAwait(false)))
            : EntityAccess.NotYours<SurveyBallot>();
    }
}
