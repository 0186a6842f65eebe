using TeamsEngage.Anonymity;
using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Reporting;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>What a survey's queued broadcast stores: the audience, when the weekly cap is counted, and whom it left out.</summary>
public sealed record SurveyAudienceSpec(string SurveyId, Audience Audience, DateTimeOffset At, IReadOnlyList<string>? Excluded = null);

/// <summary>
/// Resolves a queued survey's audience page by page for the outbox's writer. The weekly cap is the one polls use (the
/// shared <see cref="AskLedger"/>: polls and surveys count together); each recipient is recorded before their outbox row
/// exists, and counted in the report figures (asked, by department and by role); invitations wait for quiet hours
/// like poll invitations.
/// </summary>
public sealed class SurveyBroadcastAudience(IPeopleDirectory directory, SurveyStore surveys, AskLedger ledger, QuietHours quiet, AskFigures figures) : IBroadcastAudience
{
    public const string AudienceKind = "survey.audience";

    public string Kind => AudienceKind;

    public async Task<int> CountAsync(string spec, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in directory.ResolveAudienceAsync(Read(spec).Audience, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }
        return count;
    }

    /// <summary>The audience now, split by the weekly cap into recipients and the keys of the people it leaves out.</summary>
    public async Task<(List<BroadcastRecipient> Recipients, List<string> Excluded)> ChooseAsync(string surveyId, Audience audience, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var recipients = new List<BroadcastRecipient>();
        var excluded = new List<string>();
        await foreach (var person in directory.ResolveAudienceAsync(audience, cancellationToken).ConfigureAwait(false))
        {
            if (await ledger.MayReceiveAsync(person.Key, surveyId, at, cancellationToken).ConfigureAwait(false))
            {
                recipients.Add(new BroadcastRecipient(person.Key, person.UserId, person.DepartmentCode, person.Role.ToString()));
            }
            else
            {
                excluded.Add(person.Key);
            }
        }
        return (recipients, excluded);
    }

    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken)
    {
        var survey = Read(spec);
        var excluded = survey.Excluded?.ToHashSet(StringComparer.Ordinal);
        var quietPlan = await quiet.PlanAsync(cancellationToken).ConfigureAwait(false);
        var page = new List<BroadcastRecipient>(max);
        var examined = 0;
        string? last = null;
        await foreach (var person in directory.ResolveAudienceAfterAsync(survey.Audience, afterPersonKey, cancellationToken).ConfigureAwait(false))
        {
            examined++;
            last = person.Key;
            var mayReceive = excluded is not null
                ? !excluded.Contains(person.Key)
                : await ledger.MayReceiveAsync(person.Key, survey.SurveyId, survey.At, cancellationToken).ConfigureAwait(false);
            if (mayReceive)
            {
                page.Add(new BroadcastRecipient(person.Key, person.UserId, person.DepartmentCode, person.Role.ToString(), quietPlan.For(person.DepartmentCode)));
            }
            if (examined == max)
            {
                break;
            }
        }
        SurveyRecipient[] recipients = [.. page.Where(r => r.UserId is not null).Select(r => new SurveyRecipient(r.UserId!, r.PersonKey, r.DepartmentCode, r.Role))];
        await surveys.AddRecipientsAsync(survey.SurveyId, recipients, cancellationToken).ConfigureAwait(false);
        await figures.AskedAsync(AskArea.Surveys, survey.SurveyId, [.. recipients.Select(r => new AskedPerson(r.UserId, r.DepartmentCode, r.Role))], survey.At).ConfigureAwait(false);
        foreach (var recipient in page)
        {
            await ledger.RecordAsync(recipient.PersonKey, survey.SurveyId, survey.At, cancellationToken).ConfigureAwait(false);
        }
        return new BroadcastPage(page, examined, examined == max ? last : null);
    }

    public async Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var surveyId = Read(spec).SurveyId;
        await OptimisticUpdate.ApplyAsync(
            ct => surveys.FindAsync(surveyId, ct),
            survey => Decision.Write(survey with { Recipients = totals.Written, Capped = totals.Examined - totals.Written }),
            (_, counted, ct) => surveys.UpdateAsync(counted, ct),
            cancellationToken).ConfigureAwait(false);
    }

    private static SurveyAudienceSpec Read(string spec) =>
        OutboxPayload.Deserialize<SurveyAudienceSpec>(spec) ?? throw new InvalidOperationException("A survey broadcast's audience spec cannot be read.");
}
