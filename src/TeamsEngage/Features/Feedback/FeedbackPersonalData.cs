using System.Globalization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// Feedback as personal data: the items a person raised by name and the items they support. Erasure keeps the items
/// for the district and the person's support as a number, and removes every trace of who they are: their follower rows
/// and the raiser fields. Anonymous items hold nothing of anyone, so there is nothing of theirs to find. The retention
/// purge does the same for everyone of an item once it has had its outcome for <see cref="RetentionOptions.ClosedFeedback"/>.
/// </summary>
public sealed class FeedbackPersonalData(ITableStore tables, FeedbackStore store) : IPersonalData, IRetainedData
{
    private readonly IStoreTable _followers = tables.Table(FeedbackStore.FollowersTable);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var item in (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Where(i => IsRaiser(i, subject)))
        {
            records.Add(new Dictionary<string, string?>
            {
                ["raised"] = item.Id,
                ["kind"] = item.Kind.ToString(),
                ["text"] = item.Text,
                ["state"] = item.State.ToString(),
                ["at"] = item.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            });
        }
        foreach (var row in await RowsOfAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?> { ["supports"] = row.PartitionKey });
        }
        return new PersonalDataSection("feedback", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var changed = 0;
        // The row goes first: were the erasure cut short, a support would be uncounted rather than counted twice.
        foreach (var row in await RowsOfAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            await _followers.DeleteAsync(row.PartitionKey, row.RowKey, null, cancellationToken).ConfigureAwait(false);
            await store.UpdateAsync(row.PartitionKey, item => Decision.Write(item with { UnnamedSupport = item.UnnamedSupport + 1 }), cancellationToken).ConfigureAwait(false);
            await store.RecountAsync(row.PartitionKey, cancellationToken).ConfigureAwait(false);
            changed++;
        }
        foreach (var item in (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Where(i => IsRaiser(i, subject)))
        {
            await store.UpdateAsync(item.Id, current => IsRaiser(current, subject)
                ? Decision.Write(current with { RaiserKey = null, RaiserUserId = null })
                : Decision.Keep<FeedbackItem>(), cancellationToken).ConfigureAwait(false);
            changed++;
        }
        return changed;
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var before = now - retention.ClosedFeedback;
        var removed = 0;
        // Only outcomes already handed to the outbox: the followers are still needed to tell one that is not.
        var closed = (await store.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(i => !i.IsOpen && !FeedbackTeller.IsUntold(i) && (i.ChangedAt ?? i.CreatedAt) < before);
        foreach (var item in closed)
        {
            await foreach (var row in _followers.QueryAllAsync(item.Id, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // As in an erasure: the row goes, its support stays as a number.
                await _followers.DeleteAsync(row.PartitionKey, row.RowKey, null, cancellationToken).ConfigureAwait(false);
                await store.UpdateAsync(item.Id, current => Decision.Write(current with { UnnamedSupport = current.UnnamedSupport + 1 }), cancellationToken).ConfigureAwait(false);
                removed++;
            }
            if (item.RaiserKey is not null || item.RaiserUserId is not null)
            {
                await store.UpdateAsync(item.Id, current => Decision.Write(current with { RaiserKey = null, RaiserUserId = null }), cancellationToken).ConfigureAwait(false);
                removed++;
            }
        }
        return removed;
    }

    private static bool IsRaiser(FeedbackItem item, DataSubject subject) =>
        (item.RaiserKey is not null && item.RaiserKey == subject.PersonKey) || subject.HasUserId(item.RaiserUserId);

    private async Task<List<StoreEntity>> RowsOfAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await _followers.ScanAllAsync(cancellationToken)
            .Where(r => StoreKey.Unescape(r.RowKey) == subject.PersonKey || subject.HasUserId(r.GetString("UserId")))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
