namespace TeamsEngage.Features.Tickets;

/// <summary>Where a ticket stands.</summary>
public enum TicketStatus
{
    Open,
    Claimed,
    Resolved,
}

/// <summary>How much the problem hurts, in the reporter's words.</summary>
public enum TicketUrgency
{
    StoppingClass,
    InTheWay,
    Whenever,
}

/// <summary>One issue report and its routing state.</summary>
/// <param name="AssigneeKey">The liaison it is routed to; null when it is with the administrators.</param>
/// <param name="EscalationLevel">0: with the liaison; 1: escalated to the backup; 2: escalated to the administrators.</param>
/// <param name="NextEscalationAt">When the next escalation happens if nobody claims it.</param>
public sealed record Ticket(
    string Id,
    string DepartmentCode,
    string? DepartmentName,
    string ReporterUserId,
    string? ReporterKey,
    string? ReporterName,
    string Description,
    string Location,
    TicketUrgency Urgency,
    string? NoticeId,
    TicketStatus Status,
    string? AssigneeKey,
    string? AssigneeName,
    string? ClaimedByKey,
    string? ClaimedByName,
    string? ClaimedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset NextEscalationAt,
    int EscalationLevel,
    bool ReminderSent,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    int? Rating,
    string? ETag = null)
{
    public bool IsOpen => Status != TicketStatus.Resolved;

    /// <summary>The catalogue service the problem is with, when the reporter named one (its promise applies).</summary>
    public string? ServiceId { get; init; }

    /// <summary>The service's name when the ticket was reported.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The feedback item it was opened from, or logged as.</summary>
    public string? FeedbackId { get; init; }

    /// <summary>Who is handling it, for the reporter: the claimer, else the assignee, else null (the administrators).</summary>
    public string? HandlerName => ClaimedByName ?? AssigneeName;
}

/// <summary>What happened to a ticket, in order: the ticket's history, including the relayed conversation.</summary>
public enum TicketEventKind
{
    Created,
    Claimed,
    LiaisonReply,
    ReporterMessage,
    Resolved,
    Reopened,
    Rated,
    Reassigned,
    Escalated,
    Reminded,
    Postponed,
    Released,
    LoggedAsFeedback,

    /// <summary>The reporter added a picture; the event's text is the picture's number on the ticket.</summary>
    PictureAdded,
}

/// <summary>One history entry. <paramref name="Text"/> is what a person typed (a reply, a resolution note) or a name.</summary>
public sealed record TicketEvent(string TicketId, string RowKey, TicketEventKind Kind, DateTimeOffset At, string? ActorName, string? ActorKey, string? Text);

/// <summary>A ticket card the bot delivered, kept so it can be updated in place. View: <see cref="TicketCardView"/>.</summary>
public sealed record TicketCardRef(string TicketId, string RecipientUserId, string ConversationId, string ActivityId, string View);

/// <summary>Which card of a ticket a person sees.</summary>
public static class TicketCardView
{
    public const string Reporter = "reporter";
    public const string Staff = "staff";
}
