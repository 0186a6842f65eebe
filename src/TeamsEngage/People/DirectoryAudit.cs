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
