using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Outcomes;

/// <summary>A feedback item as another feature cites it.</summary>
/// <param name="Id">Its id (<c>FB-7K2Q9</c>).</param>
/// <param name="Summary">Its text, shortened.</param>
/// <param name="Open">Whether it still waits for an outcome (new, under review or planned).</param>
/// <param name="Supporters">How many people raised or supported it.</param>
public sealed record CitedFeedback(string Id, string Summary, bool Open, int Supporters);

/// <summary>
/// A feedback item IT logs from a ticket (a request that is really an idea, a complaint about a service). The ticket's
/// reporter is its named raiser, told its outcomes; colleagues read only <paramref name="Text"/>, never who raised it.
/// </summary>
public sealed record FeedbackFromTicket(
    string TicketId,
    string? Kind,
    string? Text,
    string? DepartmentCode,
    string? ServiceId,
    string? ServiceName,
    string ReporterUserId,
    string? ReporterKey,
    string? ActorKey);

/// <summary>The item logged, or what is wrong with the form (null where the field is fine).</summary>
public sealed record FeedbackLogging(CitedFeedback? Item, string? KindError = null, string? TextError = null);

/// <summary>
/// What other features may do with feedback items: look them up to cite them, and say that something they did answers
/// them. The feedback feature implements it; a notice that answers items calls it when it is sent.
/// </summary>
public interface IFeedbackOutcomes
{
    /// <summary>The item with <paramref name="itemId"/>, or null when there is none.</summary>
    Task<CitedFeedback?> FindAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves each open item that is not planned yet to Planned (target <paramref name="targetDate"/>), because
    /// <paramref name="answeredBy"/> (a notice's title) answers it, and tells their supporters. Items already planned,
    /// done, declined or merged are left as they are, so calling it again changes nothing. Returns how many moved.
    /// </summary>
    Task<int> PlanAnsweredAsync(IReadOnlyList<string> itemIds, string answeredBy, DateOnly targetDate, string? actorKey, CancellationToken cancellationToken);

    /// <summary>The kinds an item may be (idea, complaint, praise), in the reader's language.</summary>
    IReadOnlyList<Choice> Kinds(Texts texts);

    /// <summary>
    /// Logs the item for the ticket and links the two. Pressing again (or after a crash between the steps) returns the
    /// item logged the first time instead of a second one.
    /// </summary>
    Task<FeedbackLogging> LogFromTicketAsync(FeedbackFromTicket request, Texts texts, CancellationToken cancellationToken);
}
