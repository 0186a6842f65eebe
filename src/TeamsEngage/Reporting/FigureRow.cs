using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.Reporting;

/// <summary>One day of one dimension value: its counters, and the duration buckets of the counters that have them.</summary>
public sealed record FigureRow(DateOnly Day, string Kind, string Value, IReadOnlyDictionary<string, long> Counts)
{
    private const string BucketMark = "_h";

    /// <summary>The property holding <paramref name="counter"/>'s count in <paramref name="bucket"/>.</summary>
    public static string BucketProperty(string counter, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{counter}{BucketMark}{bucket:D2}");

    /// <summary>The count of <paramref name="counter"/>, 0 when none.</summary>
    public long this[string counter] => Counts.TryGetValue(counter, out var value) ? value : 0;

    /// <summary>The duration buckets of <paramref name="counter"/>: bucket to count.</summary>
    public IEnumerable<KeyValuePair<int, long>> Buckets(string counter)
    {
        var prefix = counter + BucketMark;
        foreach (var (name, value) in Counts)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket))
            {
                yield return new(bucket, value);
            }
        }
    }

    /// <summary>The row a stored entity holds; null when its key is not a figure row's.</summary>
    public static FigureRow? From(StoreEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        // day|kind|shard|value (FigureStore keeps each day's value in several shard rows).
        var parts = entity.RowKey.Split('|', 4);
        if (parts.Length != 4 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in entity.Properties)
        {
            if (value is int or long)
            {
                counts[name] = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
        }
        return new FigureRow(day, parts[1], StoreKey.Unescape(parts[3]), counts);
    }

    /// <summary>Rows of the same day and value (a day's shards) added into one.</summary>
    public static FigureRow Sum(IEnumerable<FigureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in list.SelectMany(r => r.Counts))
        {
            counts[name] = counts.GetValueOrDefault(name) + value;
        }
        return new FigureRow(list[0].Day, list[0].Kind, list[0].Value, counts);
    }
}

/// <summary>The sum of many days' rows of one dimension value.</summary>
public sealed class FigureTotals
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, long>> _buckets = new(StringComparer.Ordinal);

    /// <summary>The totals of <paramref name="rows"/> (all of one dimension value, or all meant to be added).</summary>
    public static FigureTotals Of(IEnumerable<FigureRow> rows, params string[] timedCounters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var totals = new FigureTotals();
        foreach (var row in rows)
        {
            foreach (var (name, value) in row.Counts)
            {
                totals._counts[name] = totals[name] + value;
            }
            foreach (var counter in timedCounters)
            {
                var buckets = totals.BucketsOf(counter);
                foreach (var (bucket, count) in row.Buckets(counter))
                {
                    buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
                }
            }
        }
        return totals;
    }

    /// <summary>The total of <paramref name="counter"/>.</summary>
    public long this[string counter] => _counts.GetValueOrDefault(counter);

    /// <summary>
    /// How many of <paramref name="counter"/>'s durations were at most <paramref name="limit"/>, each read as its bucket's
    /// middle value (within about 9 %, as percentiles are); 0 when it has none or is not among the timed counters.
    /// </summary>
    public long Within(string counter, TimeSpan limit) =>
        _buckets.TryGetValue(counter, out var buckets) ? buckets.Where(b => DurationHistogram.ValueOf(b.Key) <= limit).Sum(b => b.Value) : 0;

    /// <summary>The <paramref name="percentile"/> of <paramref name="counter"/>'s durations (it must be among the timed counters); null when none.</summary>
    public TimeSpan? Percentile(string counter, double percentile) =>
        _buckets.TryGetValue(counter, out var buckets) ? DurationHistogram.Percentile(buckets, percentile) : null;

    private Dictionary<int, long> BucketsOf(string counter)
    {
        if (!_buckets.TryGetValue(counter, out var buckets))
        {
            buckets = [];
            _buckets[counter] = buckets;
        }
        return buckets;
    }
}
