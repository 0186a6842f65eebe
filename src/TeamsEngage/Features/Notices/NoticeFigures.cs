using TeamsEngage.People;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Notices;

/// <summary>What notices add to the reports as it happens: a card reaching a person, a person acknowledging.</summary>
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

    private static FigureDimension[] DimensionsOf(string noticeId, string? departmentCode) =>
        [new("dept", departmentCode?.ToUpperInvariant() ?? "-"), new("notice", noticeId)];
}
