using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Surveys as personal data: a person's named answers and the surveys they were sent. Anonymous answers carry no identity,
/// so there is nothing of a person to find in them; the weekly ledger is shared with polls and handled there. The
/// retention purge removes named answers and recipient lists of surveys closed longer ago than the poll period.
/// </summary>
public sealed class SurveyPersonalData(ITableStore store) : IPersonalData, IRetainedData
{
    private readonly IStoreTable _surveys = store.Table(SurveyStore.SurveysTable);
    private readonly IStoreTable _recipients = store.Table(SurveyStore.RecipientsTable);
    private readonly IStoreTable _answers = store.Table(SurveyStore.AnswersTable);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var row in await AnswersOfAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?> { ["survey"] = row.PartitionKey, ["answers"] = row.GetString("Answers") });
        }
        foreach (var row in await RecipientRowsOfAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?> { ["survey"] = row.PartitionKey, ["sentTo"] = StoreKey.Unescape(row.RowKey) });
        }
        return new PersonalDataSection("surveys", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var removed = await _answers.DeleteEachAsync(await AnswersOfAsync(subject, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return removed + await _recipients.DeleteEachAsync(await RecipientRowsOfAsync(subject, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var before = now - retention.ClosedPollVotes;
        var closed = await _surveys.ScanAllAsync(cancellationToken)
            .Where(r => r.RowKey == SurveyEntities.SurveyRow)
            .Select(SurveyEntities.FromEntity)
            .Where(s => s.Status == SurveyStatus.Closed && s.ClosedAt is { } at && at < before)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var survey in closed)
        {
            var named = await _answers.QueryAllAsync(survey.Id, cancellationToken: cancellationToken).Where(a => a.GetString("UserId") is not null).ToListAsync(cancellationToken).ConfigureAwait(false);
            removed += await _answers.DeleteEachAsync(named, cancellationToken).ConfigureAwait(false);
            var recipients = await _recipients.QueryAllAsync(survey.Id, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            removed += await _recipients.DeleteEachAsync(recipients, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    private async Task<List<StoreEntity>> AnswersOfAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await _answers.ScanAllAsync(cancellationToken)
            .Where(a => a.GetString("PersonKey") == subject.PersonKey || subject.HasUserId(a.GetString("UserId")))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task<List<StoreEntity>> RecipientRowsOfAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await _recipients.ScanAllAsync(cancellationToken)
            .Where(r => r.GetString("PersonKey") == subject.PersonKey || subject.HasUserId(StoreKey.Unescape(r.RowKey)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
