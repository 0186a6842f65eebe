using TeamsEngage.Asking;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// "Share findings": after a survey closes, its author tells the survey's audience what was learned and what happens
/// next, with the totals as the author sees them (withheld the same way; open answers by their frequent words only).
/// Sent once, through the outbox, and tracked like a notice. Only the author reaches this desk (<see cref="SurveyAuthorAccess"/>).
/// </summary>
public sealed partial class SurveyFindingsDesk(
    SurveyStore surveys,
    SurveyResultsBuilder results,
    IOutbox outbox,
    IPeopleDirectory directory,
    FindingsRules rules,
    TimeProvider clock,
    ILogger<SurveyFindingsDesk> logger)
{
    public const string CardKind = "survey.findings";
    public const string AudienceKind = "survey.findings.audience";

    /// <summary>The broadcast of a survey's findings (one per survey).</summary>
    public static string BroadcastId(string surveyId) => surveyId + "-findings";

    public CardActionResult Compose(Survey survey, CardAction<SurveyFindingsData> action) =>
        Refusal(survey, action.Texts) is { } refused
            ? CardActionResult.WithMessage(refused)
            : CardActionResult.WithCard(SurveyFindingsCards.Composer(survey, action.Texts, null, action.Data));

    /// <summary>The findings as recipients will see them, with the number of people they go to and Send.</summary>
    public async Task<CardActionResult> PreviewAsync(Survey survey, CardAction<SurveyFindingsData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (Refusal(survey, texts) is { } refused)
        {
            return CardActionResult.WithMessage(refused);
        }
        if (await rules.CheckAsync(action.Data.Form, texts, cancellationToken).ConfigureAwait(false) is { } error)
        {
            return CardActionResult.WithCard(SurveyFindingsCards.Composer(survey, texts, error, action.Data));
        }
        var findings = FindingsRules.Draft(action.Data.Form, DateTimeOffset.MinValue);
        var audience = await directory.CountAsync(survey.Spec.Audience, cancellationToken).ConfigureAwait(false);
        var body = await BodyAsync(survey, findings, texts, PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone()), cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(SurveyFindingsCards.Preview(survey, findings, body, audience, texts));
    }

    /// <summary>
    /// Stores the findings and queues their broadcast. Send again is refused once they are queued; after a crash between
    /// storing and queuing it queues what was stored (queuing is idempotent): the first findings stored are the ones sent.
    /// </summary>
    public async Task<CardActionResult> ShareAsync(Survey survey, CardAction<SurveyFindingsData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (await rules.CheckAsync(action.Data.Form, texts, cancellationToken).ConfigureAwait(false) is { } error)
        {
            return CardActionResult.WithCard(SurveyFindingsCards.Composer(survey, texts, error, action.Data));
        }
        var draft = FindingsRules.Draft(action.Data.Form, clock.GetUtcNow());
        var sharing = await OptimisticUpdate.ApplyAsync(
            ct => surveys.FindAsync(survey.Id, ct),
            current => current.Status != SurveyStatus.Closed ? Decision.Refuse<Survey>(TextKeys.Survey_Findings_NotClosed)
                : current.Findings is null ? Decision.Write(current with { Findings = draft })
                : Decision.Keep<Survey>(),
            (_, shared, ct) => surveys.UpdateAsync(shared, ct),
            cancellationToken).ConfigureAwait(false);
        switch (sharing)
        {
            case { Outcome: UpdateOutcome.Contended }:
                return CardActionResult.ChangedMeanwhile;
            case { Refusal: { } key }:
                return CardActionResult.WithMessage(texts[key]);
            case { State: null }:
                return CardActionResult.NotFound;
        }
        var stored = sharing.State!;
        if (!sharing.Written && await outbox.ReadProgressAsync(BroadcastId(stored.Id), cancellationToken).ConfigureAwait(false) is not null)
        {
            return CardActionResult.WithMessage(texts.Survey_Findings_AlreadyShared);
        }
        await outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(BroadcastId(stored.Id), CardKind, new SurveyPayload(stored.Id)),
            BroadcastAudienceSpec.Create(AudienceKind, new FindingsAudienceSpec(stored.Id, stored.Spec.Audience)),
            CancellationToken.None).ConfigureAwait(false);
        LogShared(logger, stored.Id);
        return CardActionResult.WithCard(await results.BuildAsync(stored, null, action, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The body of the findings card in <paramref name="texts"/>' words: the totals when included, the texts, the cited feedback.</summary>
    public async Task<IReadOnlyList<CardElement>> BodyAsync(Survey survey, Findings findings, Texts texts, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var totals = findings.WithResults ? SurveyResultsCards.Totals(await results.TotalsAsync(survey, texts, cancellationToken).ConfigureAwait(false), texts) : [];
        var cited = await rules.CitedAsync(findings, cancellationToken).ConfigureAwait(false);
        return [.. FindingsCards.Body(texts, survey.Spec.Title, findings, totals, cited, zone)];
    }

    private static string? Refusal(Survey survey, Texts texts) =>
        survey.Status != SurveyStatus.Closed ? texts.Survey_Findings_NotClosed
        : survey.Findings is not null ? texts.Survey_Findings_AlreadyShared
        : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId}: findings shared; their broadcast is queued")]
    private static partial void LogShared(ILogger logger, string surveyId);
}

/// <summary>The findings of a closed survey: the author's composer and preview, and the card its audience receives.</summary>
public static class SurveyFindingsCards
{
    public static AdaptiveCard Composer(Survey survey, Texts texts, string? error, SurveyFindingsData? previous) =>
        FindingsCards.Composer(texts, survey.Spec.Title, error, previous?.Form, SurveyVerbs.FindingsPreview, new SurveyFindingsData(survey.Id));

    public static AdaptiveCard Preview(Survey survey, Findings findings, IReadOnlyList<CardElement> body, int audience, Texts texts) =>
        FindingsCards.Preview(texts, texts.Survey_Findings_PreviewTitle(audience), body, SurveyVerbs.FindingsSend, SurveyVerbs.Findings, SurveyFindingsData.Of(survey.Id, FindingsRules.FormOf(findings)), texts.Survey_Findings_Notification);

    public static AdaptiveCard Findings(IReadOnlyList<CardElement> body, Texts texts) => new([.. body]) { FallbackText = texts.Survey_Findings_Notification };
}

/// <summary>Renders <c>survey.findings</c> at send time, in the recipient's language and time zone.</summary>
public sealed class SurveyFindingsRenderer(SurveyStore surveys, SurveyFindingsDesk desk, IPeopleDirectory directory) : OutboxRenderer<SurveyPayload>
{
    public override string Kind => SurveyFindingsDesk.CardKind;

    protected override async Task<RenderedMessage?> RenderAsync(SurveyPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await surveys.FindAsync(payload.SurveyId ?? string.Empty, cancellationToken).ConfigureAwait(false) is not { Findings: { } findings } survey)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var body = await desk.BodyAsync(survey, findings, texts, PeopleTime.ZoneOrUtc(context.Recipient.TimeZone), cancellationToken).ConfigureAwait(false);
        return new RenderedMessage(SurveyFindingsCards.Findings(body, texts), null, texts.Survey_Findings_Notification);
    }
}
