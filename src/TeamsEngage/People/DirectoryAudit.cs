using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>One change to the directory: who made it, when, what and to what.</summary>
public sealed record DirectoryChange(DateTimeOffset At, string Actor, string Action, string Subject, string? Detail);

/// <summary>The DirectoryAudit table: every change to the directory, in time order.</summary>
public sealed class DirectoryAudit(ITableStore store, TimeProvider clock)
{
    private const string Partition = "audit";

    private readonly IStoreTable _table = store.Table(PeopleRows.AuditTable);

    /// <summary>Records a change made now by <paramref name="actor"/> (a person key, or <c>startup-import</c>).</summary>
    public Task RecordAsync(string actor, string action, string subject, string? detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        return _table.InsertAsync(new StoreEntity(Partition, row, new Dictionary<string, object?>
        {
            ["At"] = now,
            ["Actor"] = actor,
            ["Action"] = action,
            ["Subject"] = subject,
            ["Detail"] = detail,
        }.Where(p => p.Value is not null).ToDictionary()), cancellationToken);
    }

    /// <summary>Deletes the entries recorded before <paramref name="before"/> (row keys start with the time, so it is one range).</summary>
    public async Task<int> PurgeBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var end = before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var old = await _table.QueryAllAsync(Partition, rowKeyTo: end, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await DeleteAsync(old, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every entry whose actor, subject or detail mentions one of <paramref name="mentions"/> (an erased person's ids).</summary>
    public async Task<int> EraseMentionsAsync(IReadOnlyCollection<string> mentions, CancellationToken cancellationToken)
    {
        var found = await _table.QueryAllAsync(Partition, cancellationToken: cancellationToken)
            .Where(e => new[] { e.GetString("Actor"), e.GetString("Subject"), e.GetString("Detail") }
                .Any(v => v is not null && mentions.Any(m => v.Contains(m, StringComparison.OrdinalIgnoreCase))))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await DeleteAsync(found, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DeleteAsync(IEnumerable<StoreEntity> entries, CancellationToken cancellationToken)
    {
        return await _table.DeleteEachAsync(entries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every recorded change, oldest first.</summary>
    public async Task<IReadOnlyList<DirectoryChange>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<DirectoryChange>();
        await foreach (var e in _table.QueryAllAsync(Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DirectoryChange(e.GetDateTimeOffset("At") ?? default, e.GetString("Actor") ?? "", e.GetString("Action") ?? "", e.GetString("Subject") ?? "", e.GetString("Detail")));
        }
        return list;
    }
}
