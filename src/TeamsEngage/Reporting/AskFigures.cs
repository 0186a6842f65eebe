using System.Security.Cryptography;
using System.Text;

namespace TeamsEngage.Reporting;

/// <summary>Where one way of asking counts its participation: the figures' area and the dimension naming one poll or survey.</summary>
public sealed record AskArea(string Area, string Dimension, string OncePrefix)
{
    public static readonly AskArea Polls = new(PollCounters.Area, "poll", "asked|");
    public static readonly AskArea Surveys = new(SurveyCounters.Area, "survey", "asked|survey|");
}

/// <summary>Someone a poll or survey was sent to, as recorded at sending time.</summary>
public sealed record AskedPerson(string UserId, string? DepartmentCode, string? Role);

/// <summary>
/// What polls and surveys add to the reports as it happens: the people asked and the people who answered, by department
/// and by role (never crossed, never with an answer's content), for named and anonymous ones alike. Small groups are
/// hidden where figures are shown.
/// </summary>
public sealed class AskFigures(IReportFigures figures)
{
    /// <summary>A page of recipients was recorded; a page written again (a resumed broadcast) is not counted twice.</summary>
    public async Task AskedAsync(AskArea area, string askId, IReadOnlyList<AskedPerson> page, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Count == 0 || !await figures.ClaimOnceAsync(area.OncePrefix + askId + "|" + PageHash(page), CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }
        await figures.RecordAsync(new Figure(area.Area, AskCounters.Asked, at, [new(area.Dimension, askId)], Amount: page.Count), CancellationToken.None).ConfigureAwait(false);
        foreach (var group in page.GroupBy(r => DepartmentOf(r.DepartmentCode)))
        {
            await figures.RecordAsync(new Figure(area.Area, AskCounters.Asked, at, [new("dept", group.Key)], Amount: group.Count(), InDistrict: false), CancellationToken.None).ConfigureAwait(false);
        }
        foreach (var group in page.GroupBy(r => RoleOf(r.Role)))
        {
            await figures.RecordAsync(new Figure(area.Area, AskCounters.Asked, at, [new("role", group.Key)], Amount: group.Count(), InDistrict: false), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A first answer: the caller tells a first answer from a changed one. Handed to the figures' writer, so the answer
    /// does not wait for the report rows.
    /// </summary>
    public void Answered(AskArea area, string askId, string? departmentCode, string? role, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(area);
        figures.RecordSoon(new Figure(area.Area, AskCounters.Answered, at, [new(area.Dimension, askId), new("dept", DepartmentOf(departmentCode)), new("role", RoleOf(role))]));
    }

    private static string PageHash(IReadOnlyList<AskedPerson> page) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{page[0].UserId}|{page[^1].UserId}|{page.Count}")));

    private static string DepartmentOf(string? code) => code?.ToUpperInvariant() ?? "-";

    private static string RoleOf(string? role) => string.IsNullOrWhiteSpace(role) ? "-" : role.Trim().ToLowerInvariant();
}
