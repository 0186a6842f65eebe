using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// The respondent's buttons. The respondent is who Teams says sent the invoke, never the card's data: a closed survey,
/// one not sent to the caller, a value a question does not offer or a required question left empty is refused, and
/// nothing is written. A first answer is counted in the report figures (participation only, never its content).
/// </summary>
public sealed class SurveyRespondentDesk(SurveyStore surveys, AskFigures figures, TimeProvider clock)
{
    /// <summary>Submit (or save changes): all answers at once, replacing any earlier ones.</summary>
    public async Task<CardActionResult> AnswerAsync(SurveyBallot ballot, CardAction<SurveyRef> action, CancellationToken cancellationToken)
    {
        var (survey, secret) = ballot;
        var texts = action.Texts;
        if (!survey.IsOpenAt(clock.GetUtcNow()) || (survey.Spec.Anonymous && secret is null))
        {
            return CardActionResult.WithMessage(texts.Survey_Refused_Closed);
        }
        var recipient = await surveys.FindRecipientAsync(survey.Id, action.Caller.UserId, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            return CardActionResult.WithMessage(texts.Survey_Refused_NotSent);
        }
        var reading = SurveyAnswers.Read(survey, action.RawData, texts);
        if (reading.Values is null)
        {
            return CardActionResult.WithMessage(reading.Error!);
        }
        var answer = SurveyDisclosure.Stored(survey, recipient, reading.Values, action.Caller.Name);
        var key = SurveyStore.RespondentKey(survey, secret, action.Caller.UserId);
        if (await surveys.SaveAnswerAsync(survey.Id, key, answer, survey.Spec.Anonymous ? null : recipient, cancellationToken).ConfigureAwait(false))
        {
            figures.Answered(AskArea.Surveys, survey.Id, recipient.DepartmentCode, recipient.Role, clock.GetUtcNow());
        }
        return CardActionResult.WithCard(SurveyCards.Answered(survey, action.Caller.UserId, answer, texts, ZoneOf(action)));
    }

    /// <summary>"Change my answers": the form with the caller's answers filled in, while the survey is open.</summary>
    public async Task<CardActionResult> ChangeAsync(SurveyBallot ballot, CardActionContext action, CancellationToken cancellationToken)
    {
        var (survey, secret) = ballot;
        if (!survey.IsOpenAt(clock.GetUtcNow()) || (survey.Spec.Anonymous && secret is null))
        {
            return CardActionResult.WithCard(SurveyCards.Closed(survey, action.Texts, ZoneOf(action)));
        }
        var current = await surveys.FindAnswerAsync(survey.Id, SurveyStore.RespondentKey(survey, secret, action.Caller.UserId), cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(SurveyCards.Form(survey, action.Caller.UserId, action.Texts, ZoneOf(action), current));
    }

    private static TimeZoneInfo ZoneOf(CardActionContext action) => PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());
}
