using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// What a notice's queued broadcast stores about its recipients: the audience as the author chose it, and whether the
/// notice waits for quiet hours (every notice the author did not mark urgent).
/// </summary>
/// <param name="NoticeId">The notice, so each page written counts in its reach (absent in broadcasts queued before it was kept).</param>
public sealed record NoticeAudienceSpec(Audience Audience, bool Routine = false, string? NoticeId = null);

/// <summary>Resolves a queued notice's audience from the directory, page by page, for the outbox's writer.</summary>
public sealed class NoticeAudience(IPeopleDirectory directory, QuietHours quiet, NoticeFigures figures) : IBroadcastAudience
{
    public const string AudienceKind = "notice.audience";

    public string Kind => AudienceKind;

    public Task<int> CountAsync(string spec, CancellationToken cancellationToken) => directory.CountAsync(Read(spec), cancellationToken);

    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken)
    {
        var notice = ReadSpec(spec);
        var plan = notice.Routine ? await quiet.PlanAsync(cancellationToken).ConfigureAwait(false) : null;
        var page = await directory.PageAsync(notice.Audience, afterPersonKey, max, plan, cancellationToken).ConfigureAwait(false);
        if (notice.NoticeId is { } noticeId)
        {
            await figures.AudienceAsync(noticeId, page.Recipients).ConfigureAwait(false);
        }
        return page;
    }

    // Every person of a notice's audience gets a row (the unreachable ones too), so the totals need no recording here.
    public Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken) => Task.CompletedTask;

    // An unreadable spec must stop the writer, never widen the audience.
    private static Audience Read(string spec) => ReadSpec(spec).Audience;

    private static NoticeAudienceSpec ReadSpec(string spec) =>
        OutboxPayload.Deserialize<NoticeAudienceSpec>(spec) ?? throw new InvalidOperationException("A notice broadcast's audience spec cannot be read.");
}
