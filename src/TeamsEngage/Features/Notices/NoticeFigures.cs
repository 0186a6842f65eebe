using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Notices;

/// <summary>What notices add to the reports as it happens: the audience, a card reaching a person or not and why, a person acknowledging.</summary>
public sealed class NoticeFigures(IReportFigures figures, IPeopleDirectory directory, TimeProvider clock)
{
    /// <summary>The notice reached <paramref name="userId"/>; counted once per person, however often the card is updated.</summary>
    public async Task DeliveredAsync(string noticeId, string userId, CancellationToken cancellationToken)
    {
        var person = await directory.FindByUserIdAsync(userId, cancellationToken).ConfigureAwait(false);
        var figure = new Figure(NoticeCounters.Area, NoticeCounters.Delivered, clock.GetUtcNow(), DimensionsOf(noticeId, person?.DepartmentCode));
        await figures.RecordOnceAsync("delivered|" + noticeId + "|" + userId, figure, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary><paramref name="userId"/> acknowledged the notice; only the first press counts, timed from the sending.</summary>
    public Task AcknowledgedAsync(Notice notice, string userId, string? departmentCode, DateTimeOffset at)
    {
        var wait = notice.SentAt is { } sent && at >= sent ? at - sent : (TimeSpan?)null;
        var figure = new Figure(NoticeCounters.Area, NoticeCounters.Acknowledged, at, DimensionsOf(notice.Id, departmentCode), wait);
        return figures.RecordOnceAsync("ack|" + notice.Id + "|" + userId, figure, CancellationToken.None);
    }

    /// <summary>
    /// A page of the notice's recipients was written: each is one of its audience, and those without a chat with the bot
    /// are unreachable (not installed) from the start. A page written again by a resumed broadcast is not counted twice.
    /// The figures go to the background writer, added up across pages, so a large broadcast's writing does not wait for them.
    /// </summary>
    public async Task AudienceAsync(string noticeId, IReadOnlyList<BroadcastRecipient> page)
    {
        if (page.Count == 0)
        {
            return;
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{page[0].PersonKey}|{page[^1].PersonKey}|{page.Count}")));
        if (!await figures.ClaimOnceAsync("notice-audience|" + noticeId + "|" + hash, CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var department in page.GroupBy(r => r.DepartmentCode?.ToUpperInvariant() ?? "-", StringComparer.Ordinal))
        {
            var dimensions = DimensionsOf(noticeId, department.Key);
            figures.RecordSoon(new Figure(NoticeCounters.Area, NoticeCounters.Audience, now, dimensions, Amount: department.Count()));
            if (department.Count(r => string.IsNullOrWhiteSpace(r.UserId)) is > 0 and var unreachable)
            {
                figures.RecordSoon(new Figure(NoticeCounters.Area, NoticeCounters.Unreachable("NotInstalled"), now, dimensions, Amount: unreachable));
            }
        }
    }

    /// <summary>The outbox gave up on the notice for someone, for <paramref name="reason"/>; each person counted once per notice.</summary>
    public Task UnreachableAsync(string noticeId, string person, string? departmentCode, string reason)
    {
        var figure = new Figure(NoticeCounters.Area, NoticeCounters.Unreachable(reason), clock.GetUtcNow(), DimensionsOf(noticeId, departmentCode));
        return figures.RecordOnceAsync("unreachable|" + noticeId + "|" + person, figure, CancellationToken.None);
    }

    private static FigureDimension[] DimensionsOf(string noticeId, string? departmentCode) =>
        [new("dept", departmentCode?.ToUpperInvariant() ?? "-"), new("notice", noticeId)];
}
