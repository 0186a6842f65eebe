using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Surveys;

/// <summary>Renders <c>survey.card</c> at send time in the recipient's language: the form, their answers' card, or the closed survey.</summary>
public sealed class SurveyCardRenderer(SurveyStore surveys, TimeProvider clock, IPeopleDirectory directory) : OutboxRenderer<SurveyPayload>
{
    public override string Kind => SurveyService.CardKind;

    protected override async Task<RenderedMessage?> RenderAsync(SurveyPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await surveys.FindAsync(payload.SurveyId ?? string.Empty, cancellationToken).ConfigureAwait(false) is not { Status: not SurveyStatus.Draft } survey)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var zone = PeopleTime.ZoneOrUtc(context.Recipient.TimeZone);
        var userId = context.Recipient.UserId;
        if (!survey.IsOpenAt(clock.GetUtcNow()))
        {
            return new RenderedMessage(SurveyCards.Closed(survey, texts, zone), null, texts.Survey_Notification);
        }
        var secret = await surveys.SecretAsync(survey, cancellationToken).ConfigureAwait(false);
        var answer = survey.Spec.Anonymous && secret is null ? null : await surveys.FindAnswerAsync(survey.Id, SurveyStore.RespondentKey(survey, secret, userId), cancellationToken).ConfigureAwait(false);
        var card = answer is null ? SurveyCards.Form(survey, userId, texts, zone) : SurveyCards.Answered(survey, userId, answer, texts, zone);
        return new RenderedMessage(card, null, texts.Survey_Notification);
    }
}

/// <summary>Renders <c>survey.reminder</c>: the form again, only while open and only for someone who still has not answered.</summary>
public sealed class SurveyReminderRenderer(SurveyStore surveys, TimeProvider clock, IPeopleDirectory directory) : OutboxRenderer<SurveyPayload>
{
    public override string Kind => SurveyService.ReminderKind;

    protected override async Task<RenderedMessage?> RenderAsync(SurveyPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await surveys.FindAsync(payload.SurveyId ?? string.Empty, cancellationToken).ConfigureAwait(false) is not { } survey || !survey.IsOpenAt(clock.GetUtcNow()))
        {
            return null;
        }
        var secret = await surveys.SecretAsync(survey, cancellationToken).ConfigureAwait(false);
        if ((survey.Spec.Anonymous && secret is null)
            || await surveys.FindAnswerAsync(survey.Id, SurveyStore.RespondentKey(survey, secret, context.Recipient.UserId), cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        return new RenderedMessage(SurveyCards.Form(survey, context.Recipient.UserId, texts, PeopleTime.ZoneOrUtc(context.Recipient.TimeZone)), null, texts.Survey_ReminderNotification);
    }
}
