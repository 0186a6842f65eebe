using System.Runtime.CompilerServices;

namespace TeamsEngage.Storage;

/// <summary>Typed property getters, and a query that pages through a whole partition or range.</summary>
public static class StoreEntityExtensions
{
    /// <summary>The string property, or null when absent.</summary>
    public static string? GetString(this StoreEntity entity, string name) => entity.Get<string>(name);

    /// <summary>The int property, or null when absent.</summary>
    public static int? GetInt32(this StoreEntity entity, string name) => entity.GetValue<int>(name);

    /// <summary>The long property, or null when absent.</summary>
    public static long? GetInt64(this StoreEntity entity, string name) => entity.GetValue<long>(name);

    /// <summary>The double property, or null when absent.</summary>
    public static double? GetDouble(this StoreEntity entity, string name) => entity.GetValue<double>(name);

    /// <summary>The bool property, or null when absent.</summary>
    public static bool? GetBoolean(this StoreEntity entity, string name) => entity.GetValue<bool>(name);

    /// <summary>The DateTimeOffset property (UTC), or null when absent.</summary>
    public static DateTimeOffset? GetDateTimeOffset(this StoreEntity entity, string name) => entity.GetValue<DateTimeOffset>(name);

    /// <summary>The Guid property, or null when absent.</summary>
    public static Guid? GetGuid(this StoreEntity entity, string name) => entity.GetValue<Guid>(name);

    /// <summary>The byte[] property, or null when absent.</summary>
    public static byte[]? GetBinary(this StoreEntity entity, string name) => entity.Get<byte[]>(name);

    /// <summary>Reads every entity of a partition (optionally within [from, to)) in row-key order, page by page.</summary>
    public static async IAsyncEnumerable<StoreEntity> QueryAllAsync(
        this IStoreTable table,
        string partitionKey,
        string? rowKeyFrom = null,
        string? rowKeyTo = null,
        int pageSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        string? token = null;
        do
        {
            var page = await table.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>Reads every entity of the table, across partitions, page by page (a full scan).</summary>
    public static async IAsyncEnumerable<StoreEntity> ScanAllAsync(this IStoreTable table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        string? token = null;
        do
        {
            var page = await table.ScanAsync(continuationToken: token, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// Deletes each of <paramref name="rows"/> whatever its ETag, skipping those already gone (another instance's sweep
    /// or a concurrent change removed them); returns how many this call removed.
    /// </summary>
    public static async Task<int> DeleteEachAsync(this IStoreTable table, IEnumerable<StoreEntity> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var removed = 0;
        foreach (var row in rows)
        {
            try
            {
                await table.DeleteAsync(row.PartitionKey, row.RowKey, null, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (StoreNotFoundException)
            {
                // Already gone: what the caller wanted.
            }
        }
        return removed;
    }

    /// <summary>
    /// Inserts <paramref name="row"/> unless a row with its keys exists, and returns the row that holds those keys now:
    /// this one, or the one written first. The first writer wins, whatever runs at the same time.
    /// </summary>
    public static async Task<StoreEntity> InsertOrGetAsync(this IStoreTable table, StoreEntity row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return await table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            return await table.GetAsync(row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false) ?? row;
        }
    }

    private static T? Get<T>(this StoreEntity entity, string name) where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Properties.TryGetValue(name, out var value) && value is not null ? Cast<T>(name, value) : null;
    }

    private static T? GetValue<T>(this StoreEntity entity, string name) where T : struct
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Properties.TryGetValue(name, out var value) && value is not null ? Cast<T>(name, value) : null;
    }

    private static T Cast<T>(string name, object value) => value is T typed
        ? typed
        : throw new InvalidCastException($"Property '{name}' is {value.GetType().Name}, not {typeof(T).Name}.");
}
