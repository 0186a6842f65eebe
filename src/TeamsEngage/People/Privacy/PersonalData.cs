namespace TeamsEngage.People;

/// <summary>
/// Everything that identifies one person in the store, resolved once before an export or an erasure, so every feature
/// looks for the same ids even after the directory has forgotten some of them.
/// </summary>
/// <param name="PersonKey">The directory key.</param>
/// <param name="UserIds">Their Teams user ids (the current one, or the one they had when they left).</param>
/// <param name="ConversationIds">Their 1:1 conversations with the bot.</param>
/// <param name="Email">Their email, when known.</param>
public sealed record DataSubject(string PersonKey, IReadOnlyList<string> UserIds, IReadOnlyList<string> ConversationIds, string? Email)
{
    /// <summary>Whether <paramref name="userId"/> is one of the person's user ids.</summary>
    public bool HasUserId(string? userId) => userId is not null && UserIds.Contains(userId, StringComparer.Ordinal);
}

/// <summary>One feature's part of an export: a name and its records, each a set of named values.</summary>
public sealed record PersonalDataSection(string Name, IReadOnlyList<IReadOnlyDictionary<string, string?>> Records);

/// <summary>
/// What a feature stores about a person, for the administrators' export and erasure. Every feature that keeps anything
/// about a person registers one; the privacy feature calls them all, whatever the order of registration.
/// </summary>
public interface IPersonalData
{
    /// <summary>Everything this feature stores about the person.</summary>
    Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>Removes (or anonymises, where records must stay) what this feature stores about the person; returns how many rows changed.</summary>
    Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken);
}

/// <summary>
/// Data a feature keeps for a limited time. The daily retention sweep calls every registered one with the time of the
/// sweep and the configured periods; returns how many rows were removed.
/// </summary>
public interface IRetainedData
{
    Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken);
}
