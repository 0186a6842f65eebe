using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>One delivery row about a person, as an export lists it.</summary>
public sealed record RecipientDelivery(string? BroadcastId, string Status, DateTimeOffset? SentAt);

/// <summary>
/// The outbox's rows as personal data: the retention purge of delivered broadcasts, and a person's rows for an export or
/// an erasure. These scan the broadcast headers, so they belong to the daily sweep and to an administrator's request,
/// never to a send. The tables are shared: each operation sees only the broadcasts and messages of the tenant in scope.
/// </summary>
public sealed class OutboxRecords(ITableStore store, IOptions<OutboxOptions> options)
{
    private readonly OutboxTables _tables = new(store);

    /// <summary>
    /// Deletes the settled rows (sent, failed, unreachable, cancelled) of broadcasts started before <paramref name="before"/>,
    /// and the header of a broadcast once nothing of it is left. Pending rows stay: they are still to be sent.
    /// </summary>
    public async Task<int> PurgeSettledAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var headers = new List<StoreEntity>();
        await foreach (var entity in OwnHeadersAsync(cancellationToken).ConfigureAwait(false))
        {
            var header = BroadcastHeader.From(entity);
            var written = header.WritesDone || before - header.CreatedAt > options.Value.AbandonedWriteAfter;
            if (header.CreatedAt < before && written)
            {
                headers.Add(entity);
            }
        }
        var removed = 0;
        foreach (var entity in headers)
        {
            removed += await PurgeBroadcastAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    /// <summary>Every delivery row that names the person (by key or user id).</summary>
    public async Task<IReadOnlyList<RecipientDelivery>> ListForRecipientAsync(string personKey, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var list = new List<RecipientDelivery>();
        await foreach (var row in RowsOfAsync(personKey, userIds, cancellationToken).ConfigureAwait(false))
        {
            list.Add(new RecipientDelivery(BroadcastOf(row.PartitionKey), row.GetString(RowFields.Status) ?? nameof(DeliveryStatus.Pending), row.GetDateTimeOffset(RowFields.SentAt)));
        }
        return list;
    }

    /// <summary>Deletes every row that names the person, sent or not: nothing more goes to them and no record of them stays.</summary>
    public async Task<int> ForgetRecipientAsync(string personKey, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var rows = new List<StoreEntity>();
        await foreach (var row in RowsOfAsync(personKey, userIds, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        var removed = 0;
        foreach (var row in rows)
        {
            removed += await DeleteAsync(row, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    private async Task<int> PurgeBroadcastAsync(StoreEntity headerEntity, CancellationToken cancellationToken)
    {
        var header = BroadcastHeader.From(headerEntity);
        var removed = 0;
        var pending = false;
        var rows = new List<StoreEntity>();
        await foreach (var row in _tables.ReadRowsAsync(header, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        foreach (var row in rows)
        {
            if (row.GetString(RowFields.Status) == nameof(DeliveryStatus.Pending))
            {
                pending = true;
                continue;
            }
            removed += await DeleteAsync(row, cancellationToken).ConfigureAwait(false);
        }
        if (!pending)
        {
            try
            {
                await _tables.Broadcasts.DeleteAsync(headerEntity.PartitionKey, headerEntity.RowKey, headerEntity.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
            {
                // Changed or removed meanwhile (a cancel, another instance's sweep): the next sweep looks again.
            }
        }
        return removed;
    }

    /// <summary>The header rows of the tenant in scope's broadcasts.</summary>
    private async IAsyncEnumerable<StoreEntity> OwnHeadersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("the outbox");
        await foreach (var entity in _tables.Broadcasts.ScanAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey == OutboxKeys.HeaderRow && TenantScope.Normalize(entity.GetString(RowFields.TenantId)) == tenant)
            {
                yield return entity;
            }
        }
    }

    /// <summary>The rows naming the person among the tenant in scope's broadcasts and single messages.</summary>
    private async IAsyncEnumerable<StoreEntity> RowsOfAsync(string personKey, IReadOnlyCollection<string> userIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("the outbox");
        bool Names(StoreEntity row) => row.GetString(RowFields.PersonKey) == personKey
            || (row.GetString(RowFields.UserId) is { } userId && userIds.Contains(userId));

        var headers = await OwnHeadersAsync(cancellationToken).Select(BroadcastHeader.From).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var header in headers)
        {
            await foreach (var row in _tables.ReadRowsAsync(header, cancellationToken).ConfigureAwait(false))
            {
                if (Names(row))
                {
                    yield return row;
                }
            }
        }
        // A single message carries its tenant itself.
        foreach (var priority in Enum.GetValues<OutboxPriority>())
        {
            await foreach (var row in _tables.Rows.QueryAllAsync(OutboxKeys.QueuePartition(priority), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (TenantScope.Normalize(row.GetString(RowFields.TenantId)) == tenant && Names(row))
                {
                    yield return row;
                }
            }
        }
    }

    private async Task<int> DeleteAsync(StoreEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _tables.Rows.DeleteAsync(row.PartitionKey, row.RowKey, null, cancellationToken).ConfigureAwait(false);
            return 1;
        }
        catch (StoreNotFoundException)
        {
            // The dispatcher finished (and removed) a single message meanwhile.
            return 0;
        }
    }

    private static string? BroadcastOf(string partitionKey) =>
        OutboxKeys.IsQueue(partitionKey) ? null : StoreKey.Unescape(partitionKey[2..partitionKey.LastIndexOf('|')]);
}
