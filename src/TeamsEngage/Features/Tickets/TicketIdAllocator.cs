using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>Readable ticket ids per department (SCI-0042): one counter row per department, incremented with ETags.</summary>
public sealed class TicketIdAllocator(ITableStore store)
{
    public const string TableName = "TicketCounters";
    private const string RowKey = "counter";

    // Every report filed in a department at the same moment contends for one row: each round one of them wins.
    private const int MaxAttempts = 50;

    private readonly IStoreTable _table = store.Table(TableName);

    /// <summary>The next id of <paramref name="departmentCode"/>; two callers never get the same one.</summary>
    public async Task<string> NextAsync(string departmentCode, CancellationToken cancellationToken)
    {
        var code = departmentCode.ToUpperInvariant();
        var result = await OptimisticUpdate.ApplyAsync(
            async ct => new Counter(await _table.GetAsync(code, RowKey, ct).ConfigureAwait(false)),
            counter => Decision.Write((counter.Row?.GetInt32("Value") ?? 0) + 1),
            (counter, next, ct) => WriteAsync(code, counter, next, ct),
            cancellationToken,
            MaxAttempts).ConfigureAwait(false);
        return result.Written
            ? Format(code, result.Change)
            : throw new InvalidOperationException($"Could not allocate a ticket id for {code} after {MaxAttempts} attempts.");
    }

    public static string Format(string code, int number) => string.Create(CultureInfo.InvariantCulture, $"{code}-{number:D4}");

    /// <summary>Insert fails with a conflict, update with a failed precondition, when someone took this number first.</summary>
    private async Task<Counter> WriteAsync(string code, Counter counter, int next, CancellationToken cancellationToken)
    {
        var row = new StoreEntity(code, RowKey, new Dictionary<string, object?> { ["Value"] = next }, counter.Row?.ETag);
        var written = counter.Row is null
            ? await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false)
            : await _table.UpdateAsync(row, cancellationToken).ConfigureAwait(false);
        return new Counter(written);
    }

    /// <summary>The counter row as read; a department's first ticket finds none.</summary>
    private sealed record Counter(StoreEntity? Row);
}
