using TeamsEngage.Reporting;

namespace TeamsEngage.Tests.Reports;

/// <summary>The bounded histogram medians and 90th percentiles are read from.</summary>
public sealed class DurationHistogramTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(47)]
    [InlineData(600)]
    [InlineData(4000)]
    [InlineData(90000)]
    public void AWaitReadsBackWithinNinePercentOfItself(double minutes)
    {
        var bucket = DurationHistogram.BucketOf(TimeSpan.FromMinutes(minutes));

        var back = DurationHistogram.ValueOf(bucket).TotalMinutes;

        Assert.InRange(back / minutes, 1 / 1.091, 1.091);
    }

    [Fact]
    public void TheMedianAndNinetiethPercentileOfTenWaitsAreTheFifthAndNinth()
    {
        var counts = new Dictionary<int, long>();
        foreach (var hours in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 100 })
        {
            var bucket = DurationHistogram.BucketOf(TimeSpan.FromHours(hours));
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        }

        Assert.Equal(DurationHistogram.BucketOf(TimeSpan.FromHours(5)), DurationHistogram.BucketOf(DurationHistogram.Percentile(counts, 50)!.Value));
        Assert.Equal(DurationHistogram.BucketOf(TimeSpan.FromHours(9)), DurationHistogram.BucketOf(DurationHistogram.Percentile(counts, 90)!.Value));
        Assert.Null(DurationHistogram.Percentile(new Dictionary<int, long>(), 50));
    }

    [Fact]
    public void WaitsLongerThanTheLastBucketStayInIt()
    {
        Assert.Equal(DurationHistogram.Last, DurationHistogram.BucketOf(TimeSpan.FromDays(365 * 100)));
        Assert.Equal(0, DurationHistogram.BucketOf(TimeSpan.FromSeconds(20)));
    }
}
