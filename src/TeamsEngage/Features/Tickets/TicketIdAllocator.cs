using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>Readable ticket ids per department (SCI-0042): one counter row per department, incremented with ETags.</summary>
public sealed class TicketIdAllocator(ITableStore store)
{
    public const string TableName = "TicketCounters";
    private const string RowKey = "counter";
    private const int MaxAttempts = 50;

    private readonly IStoreTable _table = store.Table(TableName);

    /// <summary>The next id of <paramref name="departmentCode"/>; two callers never get the same one.</summary>
    public async Task<string> NextAsync(string departmentCode, CancellationToken cancellationToken)
    {
        var code = departmentCode.ToUpperInvariant();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _table.GetAsync(code, RowKey, cancellationToken).ConfigureAwait(false);
            var next = (current?.GetInt32("Value") ?? 0) + 1;
            var row = new StoreEntity(code, RowKey, new Dictionary<string, object?> { ["Value"] = next }, current?.ETag);
            try
            {
                if (current is null)
                {
                    await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.UpdateAsync(row, cancellationToken).ConfigureAwait(false);
                }
                return Format(code, next);
            }
            catch (Exception e) when (e is StoreConflictException or StorePreconditionFailedException)
            {
                // Someone took this number first: read again and try the next one.
                await Task.Delay(Random.Shared.Next(1, 10 + (attempt * 5)), cancellationToken).ConfigureAwait(false);
            }
        }
        throw new InvalidOperationException($"Could not allocate a ticket id for {code} after {MaxAttempts} attempts.");
    }

    public static string Format(string code, int number) => string.Create(CultureInfo.InvariantCulture, $"{code}-{number:D4}");
}
