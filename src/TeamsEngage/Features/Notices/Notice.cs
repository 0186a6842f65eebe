using System.Text.Json.Serialization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>How much a deployment gets in people's way; it sets the colour of the card.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeImpact>))]
public enum NoticeImpact
{
    None,
    Disruption,
    Unavailable,
}

/// <summary>Where a notice is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeState>))]
public enum NoticeState
{
    /// <summary>Composed and previewed by its author; nobody else has seen it.</summary>
    Draft,
    /// <summary>Waiting for its send time.</summary>
    Scheduled,
    /// <summary>Handed to the outbox.</summary>
    Sent,
    /// <summary>Called off: pending deliveries stopped, delivered cards say so.</summary>
    Cancelled,
}

/// <summary>What changed in a notice after it went out, shown on the updated cards.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<NoticeChanges>))]
public enum NoticeChanges
{
    None = 0,
    Schedule = 1,
    Title = 2,
    Details = 4,
    Impact = 8,
    Links = 16,
    Acknowledgement = 32,
}

/// <summary>The maintenance window, stored in UTC with the time zone the author planned it in.</summary>
public sealed record NoticeWindow(DateTimeOffset Start, DateTimeOffset End, string TimeZone);

/// <summary>What the author wrote: everything a recipient sees, who they are, and the feedback items it answers (ids).</summary>
public sealed record NoticeContent(
    string Title,
    string What,
    string Why,
    NoticeWindow Window,
    NoticeImpact Impact,
    Audience Audience,
    IReadOnlyList<Uri> Links,
    bool AckRequired,
    IReadOnlyList<string>? Answers = null,
    bool Urgent = false,
    Uri? Image = null)
{
    /// <summary>What differs in <paramref name="after"/>, as recipients would notice it.</summary>
    public NoticeChanges ChangesTo(NoticeContent after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = NoticeChanges.None;
        changes |= Window != after.Window ? NoticeChanges.Schedule : NoticeChanges.None;
        changes |= !string.Equals(Title, after.Title, StringComparison.Ordinal) ? NoticeChanges.Title : NoticeChanges.None;
        changes |= !string.Equals(What, after.What, StringComparison.Ordinal) || !string.Equals(Why, after.Why, StringComparison.Ordinal) || Image != after.Image ? NoticeChanges.Details : NoticeChanges.None;
        changes |= Impact != after.Impact ? NoticeChanges.Impact : NoticeChanges.None;
        changes |= !Links.SequenceEqual(after.Links) ? NoticeChanges.Links : NoticeChanges.None;
        changes |= AckRequired != after.AckRequired ? NoticeChanges.Acknowledgement : NoticeChanges.None;
        return changes;
    }
}

/// <summary>A deployment notice. <see cref="ETag"/> is the store's, used so two requests cannot both send or change it.</summary>
public sealed record Notice(
    string Id,
    string AuthorUserId,
    NoticeContent Content,
    NoticeState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SendAt = null,
    DateTimeOffset? SentAt = null,
    int Revision = 0,
    NoticeChanges Changes = NoticeChanges.None,
    bool Reminded = false,
    bool OutsideSchoolTime = false,
    string? CalendarReason = null,
    int AckRound = 0,
    NoticeAuthorCard? AuthorCard = null,
    bool ProgressDone = false,
    IReadOnlyList<NoticeTellDue>? TellsDue = null,
    bool ReminderDue = false)
{
    [JsonIgnore]
    public string? ETag { get; init; }

    /// <summary>The broadcast id of the one reminder a notice may get.</summary>
    [JsonIgnore]
    public string ReminderBroadcastId => ReminderIdOf(Id);

    public static string ReminderIdOf(string noticeId) => noticeId + "-reminder";

    /// <summary>The broadcast id of the message telling the recipients about revision <paramref name="revision"/>.</summary>
    public static string ChangeIdOf(string noticeId, int revision) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{noticeId}-change-{revision}");

    /// <summary>Whether the author has let it go out (now or later).</summary>
    [JsonIgnore]
    public bool IsLive => State is NoticeState.Scheduled or NoticeState.Sent;
}

/// <summary>
/// The author's card of a notice: the chat message whose Send or Schedule button sent it, which shows the delivery's
/// progress while the broadcast runs.
/// </summary>
public sealed record NoticeAuthorCard(string UserId, string ConversationId, string ActivityId);

/// <summary>
/// A change still to tell the people a notice reached: saved in the same write as the change, and cleared once its
/// message is queued, so a stop in between leaves it for the scheduler's sweep to queue.
/// </summary>
public sealed record NoticeTellDue(int Revision, NoticeChanges Changes, NoticeWindow Before, bool AckAgain);

/// <summary>
/// The outbox payload of the author's progress card: the progress as the update was queued, so the card never says
/// more than was known then and only the last update says 100 %.
/// </summary>
public sealed record NoticeProgressPayload(string NoticeId, NoticeProgressReport? Report = null);

/// <summary>The outbox payload of a notice card: ids only; the card is rendered from the stored notice at send time.</summary>
public sealed record NoticePayload(string NoticeId, bool Reminder = false);

/// <summary>
/// The outbox payload of the message telling a notice's recipients it changed: which revision, what changed, the window
/// before the change (so "from → to" reads the same whenever the message goes), and whether acknowledgement is asked again.
/// </summary>
public sealed record NoticeChangePayload(string NoticeId, int Revision, NoticeChanges Changes, NoticeWindow Before, bool AckAgain);

/// <summary>What the author asked on the edit form beyond the change itself: tell the recipients, ask to acknowledge again.</summary>
public sealed record NoticeTelling(bool Tell = false, bool AckAgain = false)
{
    /// <summary>Nothing asked: only a material change (the window) tells anyone.</summary>
    public static NoticeTelling None { get; } = new();
}

/// <summary>
/// What a change to a notice that is out means for the people it reached. A change of the window (the deployment's date
/// or time) is material, as is the author ticking "ask everyone to acknowledge again": both tell every recipient with a
/// new message and, when the notice asks for acknowledgement, start a new acknowledgement round. A change of impact
/// tells them without asking again. Any other edit (a typo in the title, the details or the links) updates the cards and
/// tells nobody, unless the author ticks "tell them".
/// </summary>
public sealed record NoticeChangeEffect(bool Told, bool AckAgain)
{
    public static NoticeChangeEffect Of(NoticeChanges changes, NoticeTelling telling, bool ackRequired)
    {
        ArgumentNullException.ThrowIfNull(telling);
        var material = changes.HasFlag(NoticeChanges.Schedule) || telling.AckAgain;
        var told = material || telling.Tell || changes.HasFlag(NoticeChanges.Impact);
        return new NoticeChangeEffect(told, material && ackRequired);
    }
}
