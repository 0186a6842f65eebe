using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>Tickets, history entries and card references to and from store rows.</summary>
internal static class TicketMapping
{
    public static StoreEntity ToEntity(Ticket t) => new(t.Id, "ticket", Props(new()
    {
        ["DepartmentCode"] = t.DepartmentCode,
        ["DepartmentName"] = t.DepartmentName,
        ["ReporterUserId"] = t.ReporterUserId,
        ["ReporterKey"] = t.ReporterKey,
        ["ReporterName"] = t.ReporterName,
        ["Description"] = t.Description,
        ["Location"] = t.Location,
        ["Urgency"] = t.Urgency.ToString(),
        ["NoticeId"] = t.NoticeId,
        ["Status"] = t.Status.ToString(),
        ["AssigneeKey"] = t.AssigneeKey,
        ["AssigneeName"] = t.AssigneeName,
        ["ClaimedByKey"] = t.ClaimedByKey,
        ["ClaimedByName"] = t.ClaimedByName,
        ["ClaimedByUserId"] = t.ClaimedByUserId,
        ["CreatedAt"] = t.CreatedAt.ToUniversalTime(),
        ["DueAt"] = t.DueAt.ToUniversalTime(),
        ["NextEscalationAt"] = t.NextEscalationAt.ToUniversalTime(),
        ["EscalationLevel"] = t.EscalationLevel,
        ["ReminderSent"] = t.ReminderSent,
        ["ResolvedAt"] = t.ResolvedAt?.ToUniversalTime(),
        ["Resolution"] = t.Resolution,
        ["Rating"] = t.Rating,
        ["ServiceId"] = t.ServiceId,
        ["ServiceName"] = t.ServiceName,
        ["FeedbackId"] = t.FeedbackId,
    }), t.ETag);

    public static Ticket FromEntity(StoreEntity e) => new(
        e.PartitionKey,
        e.GetString("DepartmentCode") ?? string.Empty,
        e.GetString("DepartmentName"),
        e.GetString("ReporterUserId") ?? string.Empty,
        e.GetString("ReporterKey"),
        e.GetString("ReporterName"),
        e.GetString("Description") ?? string.Empty,
        e.GetString("Location") ?? string.Empty,
        Enum.Parse<TicketUrgency>(e.GetString("Urgency") ?? nameof(TicketUrgency.Whenever)),
        e.GetString("NoticeId"),
        Enum.Parse<TicketStatus>(e.GetString("Status") ?? nameof(TicketStatus.Open)),
        e.GetString("AssigneeKey"),
        e.GetString("AssigneeName"),
        e.GetString("ClaimedByKey"),
        e.GetString("ClaimedByName"),
        e.GetString("ClaimedByUserId"),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("NextEscalationAt") ?? DateTimeOffset.MinValue,
        e.GetInt32("EscalationLevel") ?? 0,
        e.GetBoolean("ReminderSent") ?? false,
        e.GetDateTimeOffset("ResolvedAt"),
        e.GetString("Resolution"),
        e.GetInt32("Rating"),
        e.ETag)
    {
        ServiceId = e.GetString("ServiceId"),
        ServiceName = e.GetString("ServiceName"),
        FeedbackId = e.GetString("FeedbackId"),
    };

    public static StoreEntity ToEntity(TicketEvent e) => new(e.TicketId, e.RowKey, Props(new()
    {
        ["Kind"] = e.Kind.ToString(),
        ["At"] = e.At.ToUniversalTime(),
        ["ActorName"] = e.ActorName,
        ["ActorKey"] = e.ActorKey,
        ["Text"] = e.Text,
    }));

    public static TicketEvent EventFromEntity(StoreEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        Enum.Parse<TicketEventKind>(e.GetString("Kind") ?? nameof(TicketEventKind.Created)),
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("ActorName"),
        e.GetString("ActorKey"),
        e.GetString("Text"));

    public static StoreEntity ToEntity(TicketCardRef c, string rowKey) => new(c.TicketId, rowKey, Props(new()
    {
        ["RecipientUserId"] = c.RecipientUserId,
        ["ConversationId"] = c.ConversationId,
        ["ActivityId"] = c.ActivityId,
        ["View"] = c.View,
    }));

    public static TicketCardRef CardFromEntity(string ticketId, StoreEntity e) => new(
        ticketId,
        e.GetString("RecipientUserId") ?? string.Empty,
        e.GetString("ConversationId") ?? string.Empty,
        e.GetString("ActivityId") ?? string.Empty,
        e.GetString("View") ?? TicketCardView.Staff);

    private static Dictionary<string, object?> Props(Dictionary<string, object?> all) =>
        all.Where(p => p.Value is not null).ToDictionary();
}
