namespace TeamsEngage.Outcomes;

/// <summary>A feedback item as another feature cites it.</summary>
/// <param name="Id">Its id (<c>FB-7K2Q9</c>).</param>
/// <param name="Summary">Its text, shortened.</param>
/// <param name="Open">Whether it still waits for an outcome (new, under review or planned).</param>
/// <param name="Supporters">How many people raised or supported it.</param>
public sealed record CitedFeedback(string Id, string Summary, bool Open, int Supporters);

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
}
