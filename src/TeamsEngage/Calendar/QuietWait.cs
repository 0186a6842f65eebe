using TeamsEngage.Outbox;

namespace TeamsEngage.Calendar;

/// <summary>
/// How a broadcast's recipients stand against quiet hours: how many get it now, how many wait, and the first and the
/// last moment those who wait are released ("1,840 now, 2,160 after 15:10").
/// </summary>
public sealed record QuietWait(int Now, int Waiting, DateTimeOffset First, DateTimeOffset Last)
{
    /// <summary>
    /// Reads a broadcast's delivery records at <paramref name="now"/>: a pending row whose not-before is still ahead waits;
    /// a sent row or a pending one free to go counts as now. Null when nobody waits.
    /// </summary>
    public static QuietWait? Of(IEnumerable<DeliveryRecord> deliveries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var releases = new List<DateTimeOffset>();
        var free = 0;
        foreach (var delivery in deliveries)
        {
            if (delivery is { Status: DeliveryStatus.Pending, NotBefore: { } notBefore } && notBefore > now)
            {
                releases.Add(notBefore);
            }
            else if (delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Pending)
            {
                free++;
            }
        }
        return From(free, releases);
    }

    /// <summary>A wait from counted releases (one per recipient who waits); null when the list is empty.</summary>
    public static QuietWait? From(int now, IReadOnlyCollection<DateTimeOffset> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        return releases.Count == 0 ? null : new QuietWait(now, releases.Count, releases.Min(), releases.Max());
    }
}
