using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Tickets;

/// <summary>The verbs on ticket cards.</summary>
public static class TicketVerbs
{
    public const string Submit = "ticket.submit";
    public const string Claim = "ticket.claim";
    public const string Reply = "ticket.reply";
    public const string Resolve = "ticket.resolve";
    public const string Reassign = "ticket.reassign";
    public const string Reopen = "ticket.reopen";
    public const string Rate = "ticket.rate";
    public const string Say = "ticket.say";
    public const string Queue = "ticket.queue";
    public const string QueueOpen = "ticket.queue.open";
    public const string QueueClaim = "ticket.queue.claim";
    /// <summary>The form to log a ticket as a feedback item. Data: <see cref="TicketFeedbackData"/> with only the ticket id.</summary>
    public const string FeedbackForm = "ticket.feedback.form";
    /// <summary>Logs the ticket as a feedback item. Data: the filled <see cref="TicketFeedbackData"/>.</summary>
    public const string Feedback = "ticket.feedback";

    /// <summary>Whether <paramref name="verb"/> is one only the ticket's reporter may use.</summary>
    public static bool IsReporters(string verb) => verb is Reopen or Rate or Say;
}

/// <summary>The outbox kinds of tickets.</summary>
public static class TicketOutboxKinds
{
    /// <summary>A ticket card (payload <see cref="TicketCardPayload"/>), updated in place when the ticket changes.</summary>
    public const string Card = "ticket.card";

    /// <summary>One history event told to one person (payload <see cref="TicketEventPayload"/>): a relayed message, a claim, an escalation.</summary>
    public const string Event = "ticket.event";
}

/// <summary>Outbox payload of <see cref="TicketOutboxKinds.Card"/>; <paramref name="EventKey"/> names the history event that caused it.</summary>
public sealed record TicketCardPayload(string TicketId, string View, string? EventKey = null);

/// <summary>Outbox payload of <see cref="TicketOutboxKinds.Event"/>.</summary>
public sealed record TicketEventPayload(string TicketId, string EventKey);

/// <summary>What is wrong with a submitted report form, per field; null where the field is fine.</summary>
public sealed record ReportFormErrors(string? Description, string? Location, string? Urgency);

/// <summary>The report form: the notice it is about, and its inputs once submitted.</summary>
public sealed record ReportFormData(
    [property: StringLength(100)] string? NoticeId = null,
    string? Description = null,
    string? Location = null,
    string? Urgency = null,
    [property: StringLength(40)] string? ServiceId = null);

/// <summary>A button naming a ticket (Claim, Reopen).</summary>
public sealed record TicketActionData([property: Required] string? TicketId);

/// <summary>Log a ticket as feedback: the kind of item and the text colleagues will read.</summary>
public sealed record TicketFeedbackData([property: Required] string? TicketId, [property: StringLength(20)] string? Kind = null, string? Text = null);

/// <summary>Reply from the liaison's card.</summary>
public sealed record TicketReplyData([property: Required] string? TicketId, string? ReplyText);

/// <summary>Resolve, with its note.</summary>
public sealed record TicketResolveData([property: Required] string? TicketId, string? Resolution);

/// <summary>Reassign to <c>p:PERSONKEY</c> or <c>d:CODE</c>.</summary>
public sealed record TicketReassignData([property: Required] string? TicketId, string? Target);

/// <summary>Rating from the reporter's card, 1 to 5, with an optional comment for whoever handled it.</summary>
public sealed record TicketRateData([property: Required] string? TicketId, string? Rating, string? Comment = null);

/// <summary>Reopen from the reporter's card, with why: the liaison reads it.</summary>
public sealed record TicketReopenData([property: Required] string? TicketId, string? Reason);

/// <summary>A message from the reporter to the liaison, from a card.</summary>
public sealed record TicketSayData([property: Required] string? TicketId, string? Message);

/// <summary>The queue card's view: a filter (<see cref="QueueFilter"/> by name) and a page from 0.</summary>
public sealed record TicketQueueData([property: StringLength(20)] string? Filter = null, [property: Range(0, 1000)] int? Page = null);

/// <summary>A ticket's button on the queue card, with the view to show again afterwards.</summary>
public sealed record TicketQueueItemData(
    [property: Required] string? TicketId,
    [property: StringLength(20)] string? Filter = null,
    [property: Range(0, 1000)] int? Page = null);
