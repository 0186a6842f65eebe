using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Feedback;

/// <summary>Every source of topics registered by the features, asked together.</summary>
public sealed class FeedbackTopics(IEnumerable<IFeedbackTopics> sources)
{
    /// <summary>What the person can choose from, source by source, at most <paramref name="perSource"/> each.</summary>
    public async Task<IReadOnlyList<FeedbackTopic>> ChoicesAsync(string userId, int perSource, CancellationToken cancellationToken)
    {
        var topics = new List<FeedbackTopic>();
        foreach (var source in sources)
        {
            topics.AddRange((await source.ChoicesAsync(userId, cancellationToken).ConfigureAwait(false)).Take(perSource));
        }
        return topics;
    }

    /// <summary>The topic a key names; <see cref="FeedbackTopic.General"/> for general; null when it names nothing known.</summary>
    public async Task<FeedbackTopic?> FindAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key == FeedbackTopic.General)
        {
            return new FeedbackTopic(FeedbackTopic.General, "");
        }
        if (FeedbackTopic.Split(key) is not var (kind, id) || sources.FirstOrDefault(s => s.Kind == kind) is not { } source)
        {
            return null;
        }
        var found = await source.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return found is null ? null : found with { Key = FeedbackTopic.KeyOf(kind, id) };
    }
}
