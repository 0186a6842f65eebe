namespace TeamsEngage.Reporting;

/// <summary>
/// Durations kept as counts in log-spaced buckets, so a day's median and 90th percentile come from a few dozen numbers
/// however many tickets there were. Bucket 0 holds waits under a minute; bucket k (1 to <see cref="Last"/>) holds waits
/// from 2^((k-1)/4) to 2^(k/4) minutes, each a fourth of a doubling wide; the last bucket also holds anything longer
/// (about 32 years). A percentile reads as the geometric middle of its bucket: at most 9% from the true value.
/// </summary>
public static class DurationHistogram
{
    /// <summary>Steps per doubling.</summary>
    public const int StepsPerDoubling = 4;

    /// <summary>The last bucket: 2^24 minutes.</summary>
    public const int Last = 24 * StepsPerDoubling;

    /// <summary>The bucket a wait falls in.</summary>
    public static int BucketOf(TimeSpan duration)
    {
        var minutes = duration.TotalMinutes;
        if (minutes < 1)
        {
            return 0;
        }
        var bucket = (int)Math.Floor(Math.Log2(minutes) * StepsPerDoubling) + 1;
        return Math.Min(bucket, Last);
    }

    /// <summary>The value a bucket stands for: 30 seconds for bucket 0, else the geometric middle of its bounds.</summary>
    public static TimeSpan ValueOf(int bucket) =>
        bucket <= 0 ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(Math.Pow(2, (bucket - 0.5) / StepsPerDoubling));

    /// <summary>The <paramref name="percentile"/> (0 to 100) of the counted waits; null when none were counted.</summary>
    public static TimeSpan? Percentile(IReadOnlyDictionary<int, long> counts, double percentile)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return null;
        }
        // The nearest-rank percentile: the smallest wait with at least p% of the waits at or below it.
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * total));
        long seen = 0;
        foreach (var (bucket, count) in counts.OrderBy(c => c.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return ValueOf(bucket);
            }
        }
        return ValueOf(counts.Keys.Max());
    }
}
