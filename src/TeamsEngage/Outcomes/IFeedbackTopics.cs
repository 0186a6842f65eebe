namespace TeamsEngage.Outcomes;

/// <summary>Something feedback can be about: <paramref name="Key"/> is <c>kind:id</c> (<c>notice:N-7</c>, <c>service:wifi</c>).</summary>
public sealed record FeedbackTopic(string Key, string Title)
{
    /// <summary>Feedback about nothing in particular.</summary>
    public const string General = "general";

    /// <summary>The kind of a catalogue service's key (<c>service:wifi</c>).</summary>
    public const string ServiceKind = "service";

    /// <summary>The key of the thing <paramref name="id"/> of <paramref name="kind"/>.</summary>
    public static string KeyOf(string kind, string id) => kind + ":" + id;

    /// <summary>The kind and id of a key, or null for <see cref="General"/> or a malformed key.</summary>
    public static (string Kind, string Id)? Split(string? key) =>
        key?.IndexOf(':', StringComparison.Ordinal) is > 0 and var at && at < key.Length - 1 ? (key[..at], key[(at + 1)..]) : null;
}

/// <summary>
/// The things one feature owns that feedback can be about (recent notices, the services of the catalogue). Every feature
/// that owns such things registers one; the feedback feature offers them all on its form, whatever the order.
/// </summary>
public interface IFeedbackTopics
{
    /// <summary>The kind of the keys this source answers (<c>notice</c>, <c>service</c>).</summary>
    string Kind { get; }

    /// <summary>What the person with <paramref name="userId"/> can choose from now, most relevant first.</summary>
    Task<IReadOnlyList<FeedbackTopic>> ChoicesAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The topic with <paramref name="id"/> (without the kind), or null when there is none.</summary>
    Task<FeedbackTopic?> FindAsync(string id, CancellationToken cancellationToken);
}
