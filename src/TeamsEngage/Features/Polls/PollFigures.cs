using System.Security.Cryptography;
using System.Text;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// What polls add to the reports as it happens: the people a poll was sent to and the people who answered, by
/// department and by role (never crossed, never with an answer's content). Small groups are hidden where figures are
/// shown, under the polls' <see cref="PollsOptions.MinGroupSize"/>.
/// </summary>
public sealed class PollFigures(IReportFigures figures)
{
    /// <summary>A page of recipients was recorded; a page written again (a resumed broadcast) is not counted twice.</summary>
    public async Task AskedAsync(string pollId, IReadOnlyList<PollRecipient> page, DateTimeOffset at)
    {
        if (page.Count == 0 || !await figures.ClaimOnceAsync("asked|" + pollId + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{page[0].UserId}|{page[^1].UserId}|{page.Count}"))), CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }
        await figures.RecordAsync(new Figure(PollCounters.Area, PollCounters.Asked, at, [new("poll", pollId)], Amount: page.Count), CancellationToken.None).ConfigureAwait(false);
        foreach (var group in page.GroupBy(r => DepartmentOf(r.DepartmentCode)))
        {
            await figures.RecordAsync(new Figure(PollCounters.Area, PollCounters.Asked, at, [new("dept", group.Key)], Amount: group.Count(), InDistrict: false), CancellationToken.None).ConfigureAwait(false);
        }
        foreach (var group in page.GroupBy(r => RoleOf(r.Role)))
        {
            await figures.RecordAsync(new Figure(PollCounters.Area, PollCounters.Asked, at, [new("role", group.Key)], Amount: group.Count(), InDistrict: false), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A first answer (a changed vote is not counted again). The once-key is a hash of the vote store's key, never the key
    /// itself: once an anonymous poll is sealed its votes are re-keyed, and nothing stored here may lead back to them.
    /// </summary>
    public Task AnsweredAsync(string pollId, string voterKey, PollRecipient recipient, DateTimeOffset at) =>
        figures.RecordOnceAsync(
            "answered|" + pollId + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("report-answer|" + pollId + "|" + voterKey))),
            new Figure(PollCounters.Area, PollCounters.Answered, at, [new("poll", pollId), new("dept", DepartmentOf(recipient.DepartmentCode)), new("role", RoleOf(recipient.Role))]),
            CancellationToken.None);

    private static string DepartmentOf(string? code) => code?.ToUpperInvariant() ?? "-";

    private static string RoleOf(string? role) => string.IsNullOrWhiteSpace(role) ? "-" : role.Trim().ToLowerInvariant();
}
