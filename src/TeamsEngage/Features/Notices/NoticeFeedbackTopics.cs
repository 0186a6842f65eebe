using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Notices as topics of feedback: those delivered to the person in the last <see cref="RecentDays"/> days, and those whose
/// window is still ahead or under way, newest first. Found by id, any sent notice can be a topic (a notice card's button).
/// </summary>
public sealed class NoticeFeedbackTopics(NoticeStore notices, NoticeAcknowledgements deliveries, TimeProvider clock) : IFeedbackTopics
{
    public const string TopicKind = "notice";
    public const int RecentDays = 30;

    public string Kind => TopicKind;

    public async Task<IReadOnlyList<FeedbackTopic>> ChoicesAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var topics = new List<(DateTimeOffset SentAt, FeedbackTopic Topic)>();
        await foreach (var notice in notices.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (notice is not { State: NoticeState.Sent, SentAt: { } sentAt }
                || (sentAt < now.AddDays(-RecentDays) && notice.Content.Window.End < now)
                || !await deliveries.WasDeliveredToAsync(notice.Id, userId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            topics.Add((sentAt, Topic(notice)));
        }
        return [.. topics.OrderByDescending(t => t.SentAt).Select(t => t.Topic)];
    }

    public async Task<FeedbackTopic?> FindAsync(string id, CancellationToken cancellationToken) =>
        await notices.FindAsync(id, cancellationToken).ConfigureAwait(false) is { State: NoticeState.Sent } notice ? Topic(notice) : null;

    private static FeedbackTopic Topic(Notice notice) => new(FeedbackTopic.KeyOf(TopicKind, notice.Id), notice.Content.Title);
}
