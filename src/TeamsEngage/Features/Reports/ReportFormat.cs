using System.Globalization;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Reports;

/// <summary>Numbers, shares, changes and durations as the dashboard writes them, in the viewer's language.</summary>
public static class ReportFormat
{
    public static string Number(Texts texts, long value) => value.ToString("N0", texts.Culture);

    public static string Share(Texts texts, long part, long whole) =>
        whole == 0 ? texts.Reports_None : ((double)part / whole).ToString("P0", texts.Culture);

    public static string Change(Texts texts, long now, long before) =>
        before == 0 ? texts.Reports_None : ((double)(now - before) / before).ToString("+0%;-0%;0%", texts.Culture);

    public static string Average(Texts texts, long sum, long count) =>
        count == 0 ? texts.Reports_None : ((double)sum / count).ToString("0.0", texts.Culture);

    public static string Duration(Texts texts, TimeSpan? duration) => duration switch
    {
        null => texts.Reports_None,
        { TotalMinutes: < 60 } d => texts.Reports_Minutes(d.TotalMinutes),
        { TotalHours: < 48 } d => texts.Reports_Hours(d.TotalHours),
        { } d => texts.Reports_Days(d.TotalDays),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
