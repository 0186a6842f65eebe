using System.Globalization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Notices as personal data: a person's acknowledgements, their concerns, and the record of which notice cards reached
/// them. The retention purge removes all three for notices sent longer ago than the configured period.
/// </summary>
public sealed class NoticePersonalData(ITableStore store, NoticeStore notices) : IPersonalData, IRetainedData
{
    private readonly IStoreTable _acks = store.Table(NoticeAcknowledgements.AcksTable);
    private readonly IStoreTable _recipients = store.Table(NoticeAcknowledgements.RecipientsTable);
    private readonly IStoreTable _concerns = store.Table(NoticeConcerns.TableName);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var row in await RowsOfAsync(_acks, subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?>
            {
                ["notice"] = StoreKey.Unescape(row.PartitionKey),
                ["acknowledgedAt"] = row.GetDateTimeOffset("At")?.ToString("O", CultureInfo.InvariantCulture),
                ["earlierAcknowledgements"] = row.GetString("Earlier"),
            });
        }
        foreach (var row in await RowsOfAsync(_recipients, subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?> { ["notice"] = StoreKey.Unescape(row.PartitionKey), ["deliveredTo"] = row.GetString("ConversationId") });
        }
        foreach (var row in await RowsOfAsync(_concerns, subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?>
            {
                ["notice"] = StoreKey.Unescape(row.PartitionKey),
                ["concern"] = row.GetString("Text"),
                ["concernAt"] = row.GetDateTimeOffset("At")?.ToString("O", CultureInfo.InvariantCulture),
            });
        }
        return new PersonalDataSection("notices", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var removed = await _acks.DeleteEachAsync(await RowsOfAsync(_acks, subject, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        removed += await _concerns.DeleteEachAsync(await RowsOfAsync(_concerns, subject, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return removed + await _recipients.DeleteEachAsync(await RowsOfAsync(_recipients, subject, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var before = now - retention.Acknowledgements;
        var removed = 0;
        await foreach (var notice in notices.ListAsync(cancellationToken).Where(n => n.SentAt is { } sent && sent < before).ConfigureAwait(false))
        {
            var partition = StoreKey.Escape(notice.Id);
            removed += await _acks.DeleteEachAsync(await _acks.QueryAllAsync(partition, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            removed += await _concerns.DeleteEachAsync(await _concerns.QueryAllAsync(partition, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            removed += await _recipients.DeleteEachAsync(await _recipients.QueryAllAsync(partition, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    // The three tables are keyed by the Teams user id within each notice's partition.
    private static async Task<List<StoreEntity>> RowsOfAsync(IStoreTable table, DataSubject subject, CancellationToken cancellationToken) =>
        await table.ScanAllAsync(cancellationToken)
            .Where(r => subject.HasUserId(StoreKey.Unescape(r.RowKey)) || r.GetString("PersonKey") == subject.PersonKey)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
