using TeamsEngage.Anonymity;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using Microsoft.Extensions.Options;

namespace TeamsEngage.Features.Surveys;

/// <summary>A survey's life beyond one card: drafting, sending through the outbox, closing and sealing, reminding.</summary>
public sealed partial class SurveyService(
    SurveyStore surveys,
    IOutbox outbox,
    SurveyBroadcastAudience audiences,
    QuietHours quiet,
    TimeProvider clock,
    IOptions<AnonymityOptions> anonymity,
    ILogger<SurveyService> logger)
{
    public const string CardKind = "survey.card";
    public const string ReminderKind = "survey.reminder";

    private static readonly TimeSpan QuickWrite = TimeSpan.FromSeconds(2);

    public Task<Survey> CreateDraftAsync(SurveySpec spec, Caller author, CancellationToken cancellationToken) =>
        surveys.CreateDraftAsync(new Survey(SurveyStore.NewId(), spec, author.UserId, author.Name, SurveyStatus.Draft, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Opens the survey and queues its broadcast. An anonymous survey's recipients are chosen now (the weekly cap shared
    /// with polls applied), its storable groups fixed, and it is refused when the cap leaves too few people.
    /// </summary>
    public async Task<UpdateResult<Survey, Survey>> SendAsync(Survey draft, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var decided = await DecideAnonymousAsync(draft, now, cancellationToken).ConfigureAwait(false);
        if (decided is { Refused: true })
        {
            return new UpdateResult<Survey, Survey>(draft, null, TextKeys.Survey_Refused_AnonymousTooFewNow, UpdateOutcome.Refused);
        }
        await surveys.OpenAsync(draft, cancellationToken).ConfigureAwait(false);
        var sending = await OptimisticUpdate.ApplyAsync(
            ct => surveys.FindAsync(draft.Id, ct),
            survey => survey.Status == SurveyStatus.Draft
                ? Decision.Write(survey with { Status = SurveyStatus.Open, AnswerGroups = decided?.Groups })
                : Decision.Refuse<Survey>(TextKeys.Survey_AlreadySent),
            (_, open, ct) => surveys.UpdateAsync(open, ct),
            CancellationToken.None).ConfigureAwait(false);
        if (sending is not { Written: true, State: { } open })
        {
            return sending;
        }
        await outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(open.Id, CardKind, new SurveyPayload(open.Id)),
            BroadcastAudienceSpec.Create(SurveyBroadcastAudience.AudienceKind, new SurveyAudienceSpec(open.Id, open.Spec.Audience, now, decided?.Excluded)),
            CancellationToken.None).ConfigureAwait(false);
        LogSent(logger, open.Id);
        await AfterQuickWritingAsync(open.Id, cancellationToken).ConfigureAwait(false);
        return sending;
    }

    /// <summary>
    /// Queues the broadcast of an open survey that has none: its sending died after opening and before queuing, and Send
    /// is refused from then on. The cap decision made while sending is lost with the process: an anonymous survey is
    /// queued without exclusions, so its groups can only grow, never fall below what was checked; a named survey's cap is
    /// applied by the writer as usual. Returns whether it queued one.
    /// </summary>
    public async Task<bool> QueueIfLostAsync(string surveyId, CancellationToken cancellationToken)
    {
        if (await surveys.FindAsync(surveyId, cancellationToken).ConfigureAwait(false) is not { Status: SurveyStatus.Open } open
            || await outbox.ReadProgressAsync(open.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }
        await outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(open.Id, CardKind, new SurveyPayload(open.Id)),
            BroadcastAudienceSpec.Create(SurveyBroadcastAudience.AudienceKind, new SurveyAudienceSpec(open.Id, open.Spec.Audience, clock.GetUtcNow(), open.Spec.Anonymous ? [] : null)),
            cancellationToken).ConfigureAwait(false);
        LogRequeued(logger, open.Id);
        return true;
    }

    /// <summary>
    /// A school-sized survey is written within moments: answering after that lets the author's card say who the weekly
    /// cap left out. A large one answers at once; only the waiting depends on the request.
    /// </summary>
    private async Task AfterQuickWritingAsync(string surveyId, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            while (await outbox.ReadProgressAsync(surveyId, cancellationToken).ConfigureAwait(false) is not { Done: true }
                && System.Diagnostics.Stopwatch.GetElapsedTime(started) < QuickWrite)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request went away; the broadcast goes on.
        }
    }

    private async Task<AnonymousAudience?> DecideAnonymousAsync(Survey draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!draft.Spec.Anonymous)
        {
            return null;
        }
        var (recipients, excluded) = await audiences.ChooseAsync(draft.Id, draft.Spec.Audience, now, cancellationToken).ConfigureAwait(false);
        var reachable = recipients.Where(r => r.UserId is not null).ToList();
        var minimum = anonymity.Value.MinGroupSize;
        if (reachable.Count < minimum)
        {
            return new AnonymousAudience(true, [], []);
        }
        var groups = draft.Spec.Grouping switch
        {
            SurveyGrouping.Department => SmallGroups.Nameable(reachable.Select(r => r.DepartmentCode), minimum),
            SurveyGrouping.Role => SmallGroups.Nameable(reachable.Select(r => r.Role), minimum),
            _ => [],
        };
        return new AnonymousAudience(false, groups, excluded);
    }

    private sealed record AnonymousAudience(bool Refused, IReadOnlyList<string> Groups, IReadOnlyList<string> Excluded);

    /// <summary>Closes an open survey: no more answers, anonymous answers sealed, every delivered card updated.</summary>
    public async Task<UpdateResult<Survey, Survey>> CloseAsync(string surveyId, CancellationToken cancellationToken)
    {
        var closing = await OptimisticUpdate.ApplyAsync(
            ct => surveys.FindAsync(surveyId, ct),
            survey => survey.Status == SurveyStatus.Open ? Decision.Write(survey with { Status = SurveyStatus.Closed, ClosedAt = clock.GetUtcNow() }) : Decision.Keep<Survey>(),
            (_, closed, ct) => surveys.UpdateAsync(closed, ct),
            cancellationToken).ConfigureAwait(false);
        if (closing is { Written: true, State: { } closed })
        {
            var sealedRows = await surveys.SealAsync(closed, cancellationToken).ConfigureAwait(false);
            var updated = await outbox.UpdateDeliveredAsync(surveyId, CardKind, new SurveyPayload(surveyId), cancellationToken).ConfigureAwait(false);
            LogClosed(logger, surveyId, sealedRows, updated);
        }
        return closing;
    }

    /// <summary>The one reminder to recipients who have not answered (checked by their key); respondents get no row.</summary>
    public async Task<UpdateResult<Survey, Survey>> RemindAsync(Survey survey, CancellationToken cancellationToken)
    {
        var reminding = await OptimisticUpdate.ApplyAsync(
            ct => surveys.FindAsync(survey.Id, ct),
            current => current.Status == SurveyStatus.Open && current.RemindedAt is null
                ? Decision.Write(current with { RemindedAt = clock.GetUtcNow() })
                : Decision.Refuse<Survey>(TextKeys.Survey_RemindRefused),
            (_, reminded, ct) => surveys.UpdateAsync(reminded, ct),
            cancellationToken).ConfigureAwait(false);
        if (reminding is { Written: true, State: { } open })
        {
            var queued = await RemindWhereAsync(open, _ => true, cancellationToken).ConfigureAwait(false);
            LogReminded(logger, open.Id, queued);
        }
        return reminding;
    }

    /// <summary>
    /// The one reminder to the groups under-represented now (see <see cref="SurveyRepresentation"/>), only to their
    /// members who have not answered.
    /// </summary>
    public async Task<UpdateResult<Survey, Survey>> RemindGroupsAsync(Survey survey, IReadOnlySet<string> departments, IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var reminding = await OptimisticUpdate.ApplyAsync(
            ct => surveys.FindAsync(survey.Id, ct),
            current => current.Status == SurveyStatus.Open && current.GroupsRemindedAt is null && (departments.Count + roles.Count) > 0
                ? Decision.Write(current with { GroupsRemindedAt = clock.GetUtcNow() })
                : Decision.Refuse<Survey>(TextKeys.Survey_RemindGroupsRefused),
            (_, reminded, ct) => surveys.UpdateAsync(reminded, ct),
            cancellationToken).ConfigureAwait(false);
        if (reminding is { Written: true, State: { } open })
        {
            var queued = await RemindWhereAsync(open, r => (r.DepartmentCode is { } d && departments.Contains(d)) || (r.Role is { } role && roles.Contains(role)), cancellationToken).ConfigureAwait(false);
            LogReminded(logger, open.Id, queued);
        }
        return reminding;
    }

    private async Task<int> RemindWhereAsync(Survey survey, Func<SurveyRecipient, bool> include, CancellationToken cancellationToken)
    {
        var secret = await surveys.SecretAsync(survey, cancellationToken).ConfigureAwait(false);
        if (survey.Spec.Anonymous && secret is null)
        {
            return 0;
        }
        var quietPlan = await quiet.PlanAsync(cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var recipient in (await surveys.ListRecipientsAsync(survey.Id, cancellationToken).ConfigureAwait(false)).Where(include))
        {
            if (await surveys.FindAnswerAsync(survey.Id, SurveyStore.RespondentKey(survey, secret, recipient.UserId), cancellationToken).ConfigureAwait(false) is null)
            {
                await outbox.EnqueueAsync(OutboxMessage.Create(recipient.UserId, ReminderKind, new SurveyPayload(survey.Id), OutboxPriority.Normal, quietPlan.For(recipient.DepartmentCode)), cancellationToken).ConfigureAwait(false);
                queued++;
            }
        }
        return queued;
    }

    /// <summary>How many recipients have a delivered card (never fewer than the respondents).</summary>
    public async Task<int> ReachedAsync(Survey survey, int respondents, CancellationToken cancellationToken)
    {
        var sent = 0;
        await foreach (var delivery in outbox.ReadDeliveriesAsync(survey.Id, cancellationToken).ConfigureAwait(false))
        {
            sent += delivery.Status == DeliveryStatus.Sent ? 1 : 0;
        }
        return Math.Max(sent, respondents);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey {SurveyId} was open without a broadcast (its sending was cut short): the broadcast is queued now")]
    private static partial void LogRequeued(ILogger logger, string surveyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} sent: its broadcast is queued")]
    private static partial void LogSent(ILogger logger, string surveyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} closed: {Sealed} anonymous answers re-keyed at random, {Updated} delivered cards queued for update")]
    private static partial void LogClosed(ILogger logger, string surveyId, int @sealed, int updated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId}: {Count} reminders queued")]
    private static partial void LogReminded(ILogger logger, string surveyId, int count);
}

/// <summary>The payload of survey messages: the survey id only; everything else is read at send time.</summary>
public sealed record SurveyPayload(string SurveyId);
