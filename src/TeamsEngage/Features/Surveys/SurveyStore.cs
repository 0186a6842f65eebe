using Microsoft.Extensions.Options;
using TeamsEngage.Anonymity;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Surveys (partition = survey id: the definition and, while an anonymous survey is open, its key secret), the index of
/// open surveys, who each was sent to, and one answer row per respondent (partition = survey id, row = respondent key).
/// </summary>
public sealed class SurveyStore(ITableStore store, IOptions<AnonymityOptions> anonymity)
{
    public const string SurveysTable = "Surveys";
    public const string RecipientsTable = "SurveyRecipients";
    public const string AnswersTable = "SurveyAnswers";

    private readonly IStoreTable _surveys = store.Table(SurveysTable);
    private readonly IStoreTable _recipients = store.Table(RecipientsTable);
    private readonly IStoreTable _answers = store.Table(AnswersTable);

    public async Task<Survey> CreateDraftAsync(Survey survey, CancellationToken cancellationToken)
    {
        var written = await _surveys.InsertAsync(SurveyEntities.ToEntity(survey), cancellationToken).ConfigureAwait(false);
        return survey with { ETag = written.ETag };
    }

    public async Task<Survey?> FindAsync(string surveyId, CancellationToken cancellationToken)
    {
        if (surveyId is not { Length: 32 } || !surveyId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var entity = await _surveys.GetAsync(surveyId, SurveyEntities.SurveyRow, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : SurveyEntities.FromEntity(entity);
    }

    /// <summary>The survey's key secret while it is open (peppered when a pepper is configured), or null.</summary>
    public async Task<byte[]?> SecretAsync(Survey survey, CancellationToken cancellationToken)
    {
        if (survey.Status != SurveyStatus.Open)
        {
            return null;
        }
        var row = await _surveys.GetAsync(survey.Id, SurveyEntities.SecretRow, cancellationToken).ConfigureAwait(false);
        return VoterKeys.Peppered(row?.GetBinary("Key"), anonymity.Value.VoterKeyPepper, survey.Id);
    }

    /// <summary>Replaces the survey if it did not change since it was read.</summary>
    public async Task<Survey> UpdateAsync(Survey survey, CancellationToken cancellationToken)
    {
        var written = await _surveys.UpdateAsync(SurveyEntities.ToEntity(survey), cancellationToken).ConfigureAwait(false);
        return survey with { ETag = written.ETag };
    }

    /// <summary>Creates the key secret and lists the survey as open. Idempotent: a retried send keeps the first secret.</summary>
    public async Task OpenAsync(Survey survey, CancellationToken cancellationToken)
    {
        try
        {
            await _surveys.InsertAsync(new StoreEntity(survey.Id, SurveyEntities.SecretRow, new Dictionary<string, object?> { ["Key"] = VoterKeys.NewSecret() }), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            // Sent already: answers cast keep their keys.
        }
        await _surveys.UpsertAsync(new StoreEntity(SurveyEntities.OpenPartition, survey.Id, new Dictionary<string, object?> { ["ClosesAt"] = survey.Spec.ClosesAt.ToUniversalTime() }), cancellationToken).ConfigureAwait(false);
        await _surveys.UpsertAsync(new StoreEntity(SurveyEntities.SentPartition, SentRow(survey), new Dictionary<string, object?>()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the sent surveys created in [<paramref name="from"/>, <paramref name="to"/>), newest first.</summary>
    public async IAsyncEnumerable<string> ListSentAsync(DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Inverted ticks: the newest row first, so the range starts at the end of the period.
        var start = Inverted(to.UtcTicks - 1);
        await foreach (var row in _surveys.QueryAllAsync(SurveyEntities.SentPartition, start, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var bar = row.RowKey.IndexOf('|', StringComparison.Ordinal);
            var created = DateTimeOffset.MaxValue.UtcTicks - long.Parse(row.RowKey[..bar], System.Globalization.CultureInfo.InvariantCulture);
            if (created < from.UtcTicks)
            {
                yield break;
            }
            if (created < to.UtcTicks)
            {
                yield return row.RowKey[(bar + 1)..];
            }
        }
    }

    private static string Inverted(long ticks) =>
        (DateTimeOffset.MaxValue.UtcTicks - ticks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    // Inverted creation time first, so the newest survey sorts first.
    private static string SentRow(Survey survey) =>
        Inverted(survey.CreatedAt.UtcTicks) + "|" + survey.Id;

    /// <summary>What closing does to the store: anonymous answers re-keyed at random, then the secret and the open entry deleted.</summary>
    public async Task<int> SealAsync(Survey survey, CancellationToken cancellationToken)
    {
        var sealedRows = survey.Spec.Anonymous ? await SealedRows.SealAsync(_answers, survey.Id, cancellationToken).ConfigureAwait(false) : 0;
        await DeleteIfPresentAsync(survey.Id, SurveyEntities.SecretRow, cancellationToken).ConfigureAwait(false);
        await DeleteIfPresentAsync(SurveyEntities.OpenPartition, survey.Id, cancellationToken).ConfigureAwait(false);
        await store.ForgetDeletedAsync(cancellationToken).ConfigureAwait(false);
        return sealedRows;
    }

    /// <summary>Ids of open surveys whose closing time has passed.</summary>
    public async Task<IReadOnlyList<string>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await ListOpenAsync(cancellationToken).ConfigureAwait(false)).Where(o => o.ClosesAt <= now).Select(o => o.Id)];

    /// <summary>Every survey opened and not yet sealed, with its closing time.</summary>
    public async Task<IReadOnlyList<(string Id, DateTimeOffset ClosesAt)>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<(string, DateTimeOffset)>();
        await foreach (var row in _surveys.QueryAllAsync(SurveyEntities.OpenPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            open.Add((row.RowKey, row.GetDateTimeOffset("ClosesAt") ?? DateTimeOffset.MaxValue));
        }
        return open;
    }

    public async Task AddRecipientsAsync(string surveyId, IReadOnlyList<SurveyRecipient> recipients, CancellationToken cancellationToken)
    {
        foreach (var chunk in recipients.Chunk(100))
        {
            await _recipients.SubmitBatchAsync([.. chunk.Select(r => new BatchOperation(BatchOperationKind.Upsert, SurveyEntities.ToEntity(r, surveyId)))], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<SurveyRecipient?> FindRecipientAsync(string surveyId, string userId, CancellationToken cancellationToken)
    {
        var entity = await _recipients.GetAsync(surveyId, StoreKey.Escape(userId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : SurveyEntities.RecipientFromEntity(entity);
    }

    public async Task<IReadOnlyList<SurveyRecipient>> ListRecipientsAsync(string surveyId, CancellationToken cancellationToken) =>
        await _recipients.QueryAllAsync(surveyId, cancellationToken: cancellationToken).Select(SurveyEntities.RecipientFromEntity).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records (or replaces) a respondent's answers; true when they are the respondent's first (the insert tells them apart).</summary>
    public async Task<bool> SaveAnswerAsync(string surveyId, string key, SurveyAnswer answer, SurveyRecipient? named, CancellationToken cancellationToken)
    {
        var entity = SurveyEntities.ToEntity(surveyId, key, answer, named);
        try
        {
            await _answers.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreConflictException)
        {
            await _answers.UpsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    public async Task<SurveyAnswer?> FindAnswerAsync(string surveyId, string key, CancellationToken cancellationToken)
    {
        var entity = await _answers.GetAsync(surveyId, key, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : SurveyEntities.AnswerFromEntity(entity);
    }

    /// <summary>Every answer; once an anonymous survey is closed, only its sealed rows.</summary>
    public async Task<IReadOnlyList<SurveyAnswer>> ReadAnswersAsync(Survey survey, CancellationToken cancellationToken)
    {
        var (from, to) = SealedRows.Counted(survey.Spec.Anonymous && survey.Status == SurveyStatus.Closed);
        return await _answers.QueryAllAsync(survey.Id, from, to, cancellationToken: cancellationToken).Select(SurveyEntities.AnswerFromEntity).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The row keys of every answer (to tell, while open, which recipients have answered).</summary>
    public async Task<IReadOnlySet<string>> AnswerKeysAsync(string surveyId, CancellationToken cancellationToken) =>
        await _answers.QueryAllAsync(surveyId, cancellationToken: cancellationToken).Select(row => row.RowKey).ToHashSetAsync(StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

    /// <summary>The row key of a respondent: the escaped user id (named) or the keyed hash under the secret (anonymous, open).</summary>
    public static string RespondentKey(Survey survey, byte[]? secret, string userId) => !survey.Spec.Anonymous
        ? StoreKey.Escape(userId)
        : VoterKeys.Keyed(secret ?? throw new InvalidOperationException("An anonymous survey has no key secret once it is closed."), userId);

    public static string NewId() => Guid.NewGuid().ToString("N");

    private async Task DeleteIfPresentAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await _surveys.DeleteAsync(partitionKey, rowKey, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreNotFoundException)
        {
            // Already gone: a second close or the sweep racing "close now".
        }
    }
}
