namespace TeamsEngage.Features.Notices;

/// <summary>The verbs on notice cards, and the outbox kind of the notice card.</summary>
public static class NoticeVerbs
{
    /// <summary>Preview a new notice (creates the draft).</summary>
    public const string Preview = "notice.preview";
    /// <summary>Preview the author's draft again after editing it.</summary>
    public const string Revise = "notice.revise";
    public const string Edit = "notice.edit";
    public const string Save = "notice.save";
    public const string Discard = "notice.discard";
    public const string Send = "notice.send";
    /// <summary>Send the draft's card to its author alone, to see it as recipients will.</summary>
    public const string SendTest = "notice.test";
    public const string Schedule = "notice.schedule";
    public const string Reschedule = "notice.reschedule";
    public const string RescheduleSave = "notice.reschedule.save";
    public const string Cancel = "notice.cancel";
    public const string Status = "notice.status";
    public const string Remind = "notice.remind";
    public const string Acknowledge = "notice.ack";
    public const string Concern = "notice.concern";
    /// <summary>List the people a notice could not reach, and why (a page at a time).</summary>
    public const string Unreachable = "notice.unreachable";

    /// <summary>The outbox kind rendered by <see cref="NoticeCardRenderer"/>.</summary>
    public const string CardKind = "notice.card";

    /// <summary>Outbox kind: one concern told to the notice's author or a liaison.</summary>
    public const string ConcernKind = "notice.concern";

    /// <summary>Outbox kind: the message telling a recipient that a notice they received changed.</summary>
    public const string ChangeKind = "notice.change";

    /// <summary>Outbox kind: the author's card of a sent notice, updated with the delivery's progress.</summary>
    public const string ProgressKind = "notice.progress";
}

/// <summary>Data of every notice button: which notice; for sending, whether the author confirmed the count, and when (scheduling).</summary>
/// <remarks><see cref="CalendarReason"/> is typed on the preview when the window overlaps the school calendar.</remarks>
public sealed record NoticeActionData(string? NoticeId = null, bool Confirmed = false, DateTimeOffset? SendAt = null, [property: System.ComponentModel.DataAnnotations.StringLength(500)] string? CalendarReason = null);

/// <summary>
/// Data of the schedule button: the notice's button data plus the send date and time typed on the preview
/// (<see cref="NoticeActionData.SendAt"/> is set instead once the author confirmed the count).
/// </summary>
public sealed record ScheduleData(string? NoticeId = null, bool Confirmed = false, DateTimeOffset? SendAt = null, string? SendDate = null, string? SendTime = null, [property: System.ComponentModel.DataAnnotations.StringLength(500)] string? CalendarReason = null);

/// <summary>Data of the list of people a notice could not reach: which notice, which page (from 1).</summary>
public sealed record NoticePageData([property: System.ComponentModel.DataAnnotations.StringLength(100)] string? NoticeId = null, [property: System.ComponentModel.DataAnnotations.Range(1, 100_000)] int Page = 1);

/// <summary>A concern from the notice card: which notice, and what worries the person.</summary>
public sealed record NoticeConcernData([property: System.ComponentModel.DataAnnotations.StringLength(100)] string? NoticeId = null, string? Concern = null);

/// <summary>The outbox payload of a concern: the notice and whose concern it is (read at send time).</summary>
public sealed record NoticeConcernPayload(string NoticeId, string UserId);
