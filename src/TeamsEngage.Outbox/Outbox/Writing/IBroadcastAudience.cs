namespace TeamsEngage.Outbox;

/// <summary>
/// Resolves the audience of a queued broadcast, page by page, for the outbox's background writer. A feature implements
/// it for its own spec (what it stored at <see cref="IOutbox.QueueBroadcastAsync"/>), so the outbox knows no feature and
/// no directory. Pages must come in a stable order: the writer resumes after the cursor it recorded last.
/// </summary>
public interface IBroadcastAudience
{
    /// <summary>The audience kind this resolver answers (<see cref="BroadcastAudienceSpec.Kind"/>).</summary>
    string Kind { get; }

    /// <summary>How many people the spec names now (the M of "queued N of M").</summary>
    Task<int> CountAsync(string spec, CancellationToken cancellationToken);

    /// <summary>
    /// The recipients of the spec whose person key comes after <paramref name="afterPersonKey"/> (all of them when null),
    /// in person-key order, examining at most <paramref name="max"/> people.
    /// </summary>
    Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken);

    /// <summary>Called once when every recipient has a row, with the totals, so the feature can record them.</summary>
    Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken);
}

/// <summary>Whom a queued broadcast goes to: the kind of <see cref="IBroadcastAudience"/> and its feature's own description.</summary>
/// <param name="Kind">Names the resolver (e.g. <c>notice.audience</c>).</param>
/// <param name="Spec">Small JSON the resolver understands (an audience description, not a list of people).</param>
public sealed record BroadcastAudienceSpec(string Kind, string Spec)
{
    /// <summary>A spec written with <see cref="OutboxPayload.Options"/>.</summary>
    public static BroadcastAudienceSpec Create<TSpec>(string kind, TSpec spec) => new(kind, OutboxPayload.Serialize(spec));
}

/// <summary>
/// One page of an audience. <paramref name="Examined"/> counts the people looked at (some may be left out, e.g. by a
/// weekly cap); <paramref name="Next"/> is the key to continue after, or null when the audience is exhausted.
/// </summary>
public sealed record BroadcastPage(IReadOnlyList<BroadcastRecipient> Recipients, int Examined, string? Next);

/// <summary>
/// How far the writing of a queued broadcast is: people examined and rows written so far, of <paramref name="Total"/>
/// (null until counted). <paramref name="Done"/> once every recipient has a row.
/// </summary>
public sealed record BroadcastProgress(bool Done, int Examined, int Written, int? Total);
