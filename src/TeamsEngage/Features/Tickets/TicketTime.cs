using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>Dates and time left, as people read them, in their language and time zone.</summary>
public static class TicketTime
{
    /// <summary>A time zone from an IANA id, or UTC when it is unknown.</summary>
    public static TimeZoneInfo Zone(string? ianaId)
    {
        if (!string.IsNullOrWhiteSpace(ianaId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone))
        {
            return zone;
        }
        return TimeZoneInfo.Utc;
    }

    public static string When(DateTimeOffset at, Texts texts, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("ddd d MMM, HH:mm", texts.Culture) + (zone == TimeZoneInfo.Utc ? " UTC" : string.Empty);
    }

    /// <summary>"3 h 20 min left" or "overdue by 40 min".</summary>
    public static string Left(DateTimeOffset due, DateTimeOffset now, Texts texts)
    {
        var span = due - now;
        var amount = Amount(span.Duration(), texts);
        return span >= TimeSpan.Zero ? texts.Format("Tickets_TimeLeft", amount) : texts.Format("Tickets_Overdue", amount);
    }

    private static string Amount(TimeSpan span, Texts texts)
    {
        if (span.TotalDays >= 1)
        {
            return texts.Format("Tickets_DaysHours", (int)span.TotalDays, span.Hours);
        }
        return span.TotalHours >= 1
            ? texts.Format("Tickets_HoursMinutes", (int)span.TotalHours, span.Minutes)
            : texts.Format("Tickets_Minutes", Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)));
    }
}
