using System.Text.Json.Serialization;

namespace TeamsEngage.Features.Feedback;

/// <summary>What someone shares.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackKind>))]
public enum FeedbackKind
{
    Idea,
    Complaint,
    Praise,
}

/// <summary>Where an item is. New → UnderReview → Planned → Done; Declined (with a reason) and Merged end it too.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackState>))]
public enum FeedbackState
{
    New,
    UnderReview,
    Planned,
    Done,
    Declined,
    Merged,
}

/// <summary>
/// One feedback item. An anonymous item has no raiser fields at all, and its <see cref="CreatedAt"/> keeps only the day,
/// so the row says nothing of who filed it or when in the day. <see cref="Version"/> counts the outcome changes; each one
/// is told to supporters under a broadcast id made of the item id and the version, so it is told once;
/// <see cref="ToldVersion"/> is the last version handed to the outbox. <see cref="TicketId"/> links the ticket opened from
/// the item, or the ticket it was logged from. <see cref="UnnamedSupport"/> counts the anonymous
/// raisers it carries (itself, and items merged into it), who have no follower row.
/// </summary>
public sealed record FeedbackItem(
    string Id,
    FeedbackKind Kind,
    string Text,
    string Topic,
    string? TopicTitle,
    string? DepartmentCode,
    bool Anonymous,
    string? RaiserKey,
    string? RaiserUserId,
    DateTimeOffset CreatedAt,
    FeedbackState State = FeedbackState.New,
    int Supporters = 1,
    DateOnly? TargetDate = null,
    string? Reason = null,
    string? MergedInto = null,
    string? AnsweredBy = null,
    int Version = 0,
    DateTimeOffset? ChangedAt = null,
    int UnnamedSupport = 0,
    IReadOnlyList<string>? MergedFrom = null,
    int ToldVersion = 0,
    string? TicketId = null,
    [property: JsonIgnore] string? ETag = null)
{
    /// <summary>Still waiting for an outcome.</summary>
    [JsonIgnore]
    public bool IsOpen => State is FeedbackState.New or FeedbackState.UnderReview or FeedbackState.Planned;

    /// <summary>The states this item may move to from where it is.</summary>
    public bool MayMoveTo(FeedbackState to) => (State, to) switch
    {
        (FeedbackState.New, FeedbackState.UnderReview) => true,
        (FeedbackState.New or FeedbackState.UnderReview, FeedbackState.Planned) => true,
        (FeedbackState.Planned, FeedbackState.Done) => true,
        (FeedbackState.New or FeedbackState.UnderReview or FeedbackState.Planned, FeedbackState.Declined or FeedbackState.Merged) => true,
        _ => false,
    };

    /// <summary>Whether moving to <paramref name="state"/> is told to the raiser and the supporters.</summary>
    public static bool IsTold(FeedbackState state) => state is FeedbackState.Planned or FeedbackState.Done or FeedbackState.Declined;
}

/// <summary>One change of an item, kept for the audit: who (person key), when, from what to what, and why.</summary>
public sealed record FeedbackChange(string ItemId, int Version, FeedbackState From, FeedbackState To, string? ActorKey, DateTimeOffset At, DateOnly? TargetDate, string? Reason, string? MergedInto);

/// <summary>Someone following an item: its named raiser or a supporter. Never shown to anyone; counted, and told outcomes.</summary>
public sealed record FeedbackFollower(string PersonKey, string UserId, bool Raiser);
