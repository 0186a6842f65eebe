using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Feedback;

/// <summary>The verbs on feedback cards.</summary>
public static class FeedbackVerbs
{
    /// <summary>Opens the form; other features' cards post it with a <c>topic</c> (<c>service:&lt;id&gt;</c>, <c>notice:&lt;id&gt;</c>).</summary>
    public const string Compose = "feedback.compose";
    public const string Submit = "feedback.submit";
    public const string Support = "feedback.support";
    public const string Browse = "feedback.browse";
    public const string Board = "feedback.board";
    /// <summary>Opens one item to move it (triage). Data: <see cref="MoveData"/> with only the item id.</summary>
    public const string Triage = "feedback.triage";
    public const string Move = "feedback.move";
    /// <summary>The form to open a ticket from an item (triage). Data: <see cref="ItemTicketData"/> with only the item id.</summary>
    public const string TicketForm = "feedback.ticket.form";
    /// <summary>Opens a ticket from an item (triage). Data: the filled <see cref="ItemTicketData"/>.</summary>
    public const string Ticket = "feedback.ticket";
    public const string DigestPreview = "feedback.digest.preview";
    public const string DigestSend = "feedback.digest.send";
    public const string DigestEdit = "feedback.digest.edit";
    public const string DigestReach = "feedback.digest.reach";
}

/// <summary>The outbox and audience kinds of feedback.</summary>
public static class FeedbackOutboxKinds
{
    /// <summary>An outcome told to one follower (payload <see cref="OutcomePayload"/>).</summary>
    public const string Outcome = "feedback.outcome";

    /// <summary>The followers of one item (spec <see cref="OutcomePayload"/>).</summary>
    public const string Followers = "feedback.followers";

    /// <summary>A "you said, we did" digest (payload <see cref="DigestPayload"/>).</summary>
    public const string Digest = "feedback.digest";

    /// <summary>A digest's audience (spec <see cref="DigestAudienceSpec"/>).</summary>
    public const string DigestAudience = "feedback.digest.audience";
}

/// <summary>Outbox payload and audience spec of one outcome: the item and the version that was told.</summary>
public sealed record OutcomePayload(string ItemId, int Version);

/// <summary>The compose form's data: the topic to pre-select.</summary>
public sealed record ComposeData([property: StringLength(200)] string? Topic = null);

/// <summary>The filled form. <paramref name="FileAnyway"/> after the person saw similar items and chose to file theirs.</summary>
public sealed record SubmitData(
    [property: StringLength(200)] string? Topic = null,
    string? Kind = null,
    string? Text = null,
    string? Anonymous = null,
    string? FileAnyway = null);

/// <summary>"Me too" on an item.</summary>
public sealed record SupportData([property: Required, StringLength(40)] string? ItemId);

/// <summary>Browsing: <c>department</c> or <c>district</c>, <c>newest</c> or <c>supported</c>, and the page.</summary>
public sealed record BrowseData([property: StringLength(20)] string? Scope = null, [property: StringLength(20)] string? Order = null, [property: Range(0, 1000)] int Page = 0);

/// <summary>The triage board's filters and page.</summary>
public sealed record BoardData(
    [property: StringLength(20)] string? State = null,
    [property: StringLength(40)] string? Department = null,
    [property: StringLength(200)] string? Topic = null,
    [property: Range(0, 1000)] int Page = 0);

/// <summary>A triage move: the new state and, as it needs, a target date, a reason or the item it merges into.</summary>
public sealed record MoveData(
    [property: Required, StringLength(40)] string? ItemId,
    [property: StringLength(20)] string? To = null,
    string? TargetDate = null,
    string? Reason = null,
    [property: StringLength(40)] string? MergeInto = null);

/// <summary>The item card's ticket form: what is wrong, where, and how urgent.</summary>
public sealed record ItemTicketData(
    [property: Required, StringLength(40)] string? ItemId,
    string? Description = null,
    string? Location = null,
    [property: StringLength(40)] string? Urgency = null);

/// <summary>What is wrong with each field of the item's ticket form; null where the field is fine.</summary>
public sealed record TicketFormErrors(string? Description, string? Location, string? Urgency);
