using TeamsEngage.Calendar;
using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Notices;

/// <summary>Counts for one group of recipients. <see cref="FailedBy"/> maps a reason (NotInstalled, Blocked, Gone, Error) to a count.</summary>
public sealed record DeliveryTally(int Recipients, int Delivered, int Pending, int Failed, int Cancelled, int Acknowledged, IReadOnlyDictionary<string, int> FailedBy);

/// <summary>A notice's delivery and acknowledgement, in total and per department.</summary>
public sealed record NoticeStatusReport(DeliveryTally Total, IReadOnlyList<(string Department, DeliveryTally Tally)> ByDepartment)
{
    /// <summary>How far the outbox is in writing the recipients' rows; null once every recipient has one.</summary>
    public BroadcastProgress? Writing { get; init; }

    /// <summary>The percentage and the time left of a sent notice, from the same reads as the counts; null before it is sent.</summary>
    public NoticeProgressReport? Sending { get; init; }

    /// <summary>How many get the notice now and how many wait for quiet hours; null when nobody waits.</summary>
    public QuietWait? Quiet { get; init; }

    /// <summary>The department label for recipients without one.</summary>
    public const string NoDepartment = "";

    /// <summary>Tallies the delivery records of a notice with the user ids that acknowledged it.</summary>
    public static NoticeStatusReport From(IReadOnlyList<DeliveryRecord> deliveries, IReadOnlySet<string> acknowledged)
    {
        var byDepartment = deliveries
            .GroupBy(d => d.DepartmentCode ?? NoDepartment, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, Tally(g.ToList(), acknowledged)))
            .ToList();
        return new NoticeStatusReport(Tally(deliveries, acknowledged), byDepartment);
    }

    /// <summary>Why a delivery did not happen, as a reason name.</summary>
    public static string ReasonOf(DeliveryRecord record) =>
        record.Status == DeliveryStatus.Unreachable ? "NotInstalled" : record.FailureReason ?? "Error";

    private static DeliveryTally Tally(IReadOnlyList<DeliveryRecord> records, IReadOnlySet<string> acknowledged)
    {
        var failed = records.Where(r => r.Status is DeliveryStatus.Failed or DeliveryStatus.Unreachable).ToList();
        return new DeliveryTally(
            records.Count,
            records.Count(r => r.Status == DeliveryStatus.Sent),
            records.Count(r => r.Status == DeliveryStatus.Pending),
            failed.Count,
            records.Count(r => r.Status == DeliveryStatus.Cancelled),
            records.Count(r => r.UserId is not null && acknowledged.Contains(r.UserId)),
            failed.GroupBy(ReasonOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }
}
