using System.Security.Cryptography;
using System.Text;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using TeamsEngage.Storage;

namespace TeamsEngage.Reporting;

/// <summary>
/// The rollup of every figure, per tenant (the table is tenant-scoped) and per day: partition <c>{area}|{yyyy-MM}</c>,
/// row <c>{yyyy-MM-dd}|{kind}|{value}</c>, one number per counter and one per non-empty duration bucket
/// (<c>{Counter}_h{bucket}</c>). Each row is incremented by read, add, write with the read ETag, again when another
/// writer got there first, so concurrent events are all counted exactly once. Days are UTC days.
/// </summary>
public sealed partial class FigureStore(ITableStore store, PendingFigures pending, TimeProvider clock, ILogger<FigureStore> logger) : IReportFigures, IDisposable
{
    public const string TableName = "ReportFigures";
    private const string OncePartition = "once";

    // Each day's value is kept in up to Shards rows. An event adds to the first shard, and only when another writer changed
    // it meanwhile to one of the others at random: a broadcast's thousands of deliveries would otherwise all contend for
    // the district's one row (each round one of them wins), while a quiet day's value stays one row, so a year's page
    // reads a row per day and value instead of sixteen. Reads add the shards up.
    public const int Shards = 16;

    private const int MaxAttempts = 200;

    // A month's rows no longer change once the month is over (figures are counted on the day they happen, a delayed one
    // within seconds): a month ended two days ago or more is read once and then kept, up to this many rows for all
    // tenants, so a page over a year reads the store for the current month only.
    public const int ClosedMonthRowLimit = 200_000;

    private readonly IStoreTable _table = store.Table(TableName);
    private readonly MemoryCache _closedMonths = new(new MemoryCacheOptions { SizeLimit = ClosedMonthRowLimit });

    public async Task RecordAsync(Figure figure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var dimensions = figure.InDistrict ? figure.Dimensions.Prepend(FigureDimension.All) : figure.Dimensions;
        foreach (var dimension in dimensions.Distinct())
        {
            var attempt = 0;
            try
            {
                var result = await OptimisticUpdate.ApplyAsync(
                    async ct =>
                    {
                        var rowKey = RowOf(figure.At, dimension, attempt++ == 0 ? 0 : Random.Shared.Next(1, Shards));
                        return new Row(rowKey, await _table.GetAsync(PartitionOf(figure.Area, figure.At), rowKey, ct).ConfigureAwait(false));
                    },
                    _ => Decision.Write(true),
                    (row, _, ct) => WriteAsync(figure, row, ct),
                    cancellationToken,
                    MaxAttempts).ConfigureAwait(false);
                if (!result.Written)
                {
                    LogLost(logger, figure.Area, figure.Counter, dimension.Kind, null);
                }
            }
            catch (StoreException e)
            {
                LogLost(logger, figure.Area, figure.Counter, dimension.Kind, e);
            }
        }
    }

    public void RecordSoon(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        pending.Add(figure);
    }

    /// <summary>Writes every figure handed over with <see cref="RecordSoon"/> so far.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => pending.DrainAsync(RecordAsync, cancellationToken);

    public async Task<bool> RecordOnceAsync(string onceKey, Figure figure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (!await ClaimOnceAsync(onceKey, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await RecordAsync(figure, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> ClaimOnceAsync(string onceKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(onceKey);
        try
        {
            // The insert is the lock: of two presses at once, one inserts and the other meets the conflict.
            // The row holds nothing but a hash of its key: no person's id (an erasure leaves no trace here) and no time.
            var row = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(onceKey)));
            await _table.InsertAsync(new StoreEntity(OncePartition, row, new Dictionary<string, object?>()), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreConflictException)
        {
            return false;
        }
        catch (StoreException e)
        {
            LogLost(logger, "once", onceKey, "once", e);
            return false;
        }
    }

    /// <summary>Every row of <paramref name="area"/> from <paramref name="from"/> to <paramref name="to"/> (UTC days, both included).</summary>
    public async Task<IReadOnlyList<FigureRow>> ReadAsync(string area, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<FigureRow>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var (first, last) = (Max(from, month), Min(to, month.AddMonths(1).AddDays(-1)));
            if (month.AddMonths(1).AddDays(1) < today)
            {
                rows.AddRange((await ClosedMonthAsync(area, month, cancellationToken).ConfigureAwait(false)).Where(r => r.Day >= first && r.Day <= last));
            }
            else
            {
                rows.AddRange(await ReadDaysAsync(area, month, first, last, cancellationToken).ConfigureAwait(false));
            }
        }
        return rows;
    }

    /// <summary>Reads from the store so far this instance.</summary>
    public long StoreReads => Interlocked.Read(ref _storeReads);

    public void Dispose() => _closedMonths.Dispose();

    private long _storeReads;

    private async Task<IReadOnlyList<FigureRow>> ClosedMonthAsync(string area, DateOnly month, CancellationToken cancellationToken)
    {
        var key = (TenantScope.Current, area, month);
        if (_closedMonths.TryGetValue(key, out IReadOnlyList<FigureRow>? kept) && kept is not null)
        {
            return kept;
        }
        var rows = await ReadDaysAsync(area, month, month, month.AddMonths(1).AddDays(-1), cancellationToken).ConfigureAwait(false);
        _closedMonths.Set(key, rows, new MemoryCacheEntryOptions { Size = Math.Max(1, rows.Count), SlidingExpiration = TimeSpan.FromHours(6) });
        return rows;
    }

    // One row per day and value of the month's partition, its shards added up.
    private async Task<IReadOnlyList<FigureRow>> ReadDaysAsync(string area, DateOnly month, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _storeReads);
        var partition = area + "|" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var rows = new List<FigureRow>();
        await foreach (var entity in _table.QueryAllAsync(partition, first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|~", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (FigureRow.From(entity) is { } row)
            {
                rows.Add(row);
            }
        }
        return [.. rows.GroupBy(r => (r.Day, r.Kind, r.Value)).Select(g => g.Count() == 1 ? g.First() : FigureRow.Sum(g))];
    }

    private async Task<Row> WriteAsync(Figure figure, Row row, CancellationToken cancellationToken)
    {
        var properties = row.Entity is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(row.Entity.Properties);
        Add(properties, figure.Counter, figure.Amount);
        if (figure.Duration is { } duration)
        {
            Add(properties, FigureRow.BucketProperty(figure.Counter, DurationHistogram.BucketOf(duration)), figure.Amount);
        }
        var entity = new StoreEntity(PartitionOf(figure.Area, figure.At), row.RowKey, properties, row.Entity?.ETag);
        var written = row.Entity is null
            ? await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false)
            : await _table.UpdateAsync(entity, cancellationToken).ConfigureAwait(false);
        return row with { Entity = written };
    }

    private static void Add(Dictionary<string, object?> properties, string name, long amount) =>
        properties[name] = (properties.TryGetValue(name, out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0L) + amount;

    private static string PartitionOf(string area, DateTimeOffset at) =>
        area + "|" + at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // day|kind|shard|value: the value goes last, so a '|' in it cannot be mistaken for a separator.
    private static string RowOf(DateTimeOffset at, FigureDimension dimension, int shard) => string.Join(
        '|',
        at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        dimension.Kind,
        shard.ToString("D2", CultureInfo.InvariantCulture),
        StoreKey.Escape(dimension.Value));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The shard row chosen and as read; the first figure of a day finds none.</summary>
    private sealed record Row(string RowKey, StoreEntity? Entity);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Area} figure {Counter} by {Dimension} could not be counted")]
    private static partial void LogLost(ILogger logger, string area, string counter, string dimension, Exception? exception);
}
