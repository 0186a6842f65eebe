using System.Globalization;
using TeamsEngage.Anonymity;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Polls as personal data: a person's named votes, the polls they were sent, and their survey-fatigue ledger.
/// Anonymous votes carry no identity, so there is nothing of a person to find in them. The retention purge removes
/// the named votes and recipient lists of polls closed longer ago than the configured period, and old ledger rows.
/// </summary>
public sealed class PollPersonalData(ITableStore store, PollRecipientRoll rolls) : IPersonalData, IRetainedData
{
    private readonly IStoreTable _polls = store.Table(PollStore.PollsTable);
    private readonly IStoreTable _recipients = store.Table(PollStore.RecipientsTable);
    private readonly IStoreTable _votes = store.Table(VoteStore.TableName);
    private readonly IStoreTable _ledger = store.Table(AskLedger.TableName);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var row in await VotesOfAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            var vote = PollEntities.VoteFromEntity(row);
            records.Add(new Dictionary<string, string?>
            {
                ["poll"] = row.PartitionKey,
                ["choices"] = string.Join(',', vote.Choices.Select(c => c.ToString(CultureInfo.InvariantCulture))),
                ["comment"] = vote.Comment,
            });
        }
        foreach (var row in await RecipientRowsOfAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?> { ["poll"] = row.PartitionKey, ["sentTo"] = StoreKey.Unescape(row.RowKey) });
        }
        return new PersonalDataSection("polls", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var removed = await _votes.DeleteEachAsync(await VotesOfAsync(subject, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        removed += await _recipients.DeleteEachAsync(await RecipientRowsOfAsync(subject, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        rolls.Clear();
        var ledger = await _ledger.QueryAllAsync(StoreKey.Escape(subject.PersonKey), cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return removed + await _ledger.DeleteEachAsync(ledger, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var before = now - retention.ClosedPollVotes;
        var closed = await _polls.ScanAllAsync(cancellationToken)
            .Where(r => r.RowKey == PollEntities.PollRow)
            .Select(PollEntities.FromEntity)
            .Where(p => p.Status == PollStatus.Closed && p.ClosedAt is { } at && at < before)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var poll in closed)
        {
            var named = await _votes.QueryAllAsync(poll.Id, cancellationToken: cancellationToken).Where(v => v.GetString("UserId") is not null).ToListAsync(cancellationToken).ConfigureAwait(false);
            removed += await _votes.DeleteEachAsync(named, cancellationToken).ConfigureAwait(false);
            var recipients = await _recipients.QueryAllAsync(poll.Id, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            removed += await _recipients.DeleteEachAsync(recipients, cancellationToken).ConfigureAwait(false);
        }
        var oldLedger = await _ledger.ScanAllAsync(cancellationToken)
            .Where(r => r.GetDateTimeOffset("SentAt") is { } sentAt && sentAt < before)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return removed + await _ledger.DeleteEachAsync(oldLedger, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<StoreEntity>> VotesOfAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await _votes.ScanAllAsync(cancellationToken)
            .Where(v => v.GetString("PersonKey") == subject.PersonKey || subject.HasUserId(v.GetString("UserId")))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task<List<StoreEntity>> RecipientRowsOfAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await _recipients.ScanAllAsync(cancellationToken)
            .Where(r => r.GetString("PersonKey") == subject.PersonKey || subject.HasUserId(StoreKey.Unescape(r.RowKey)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
