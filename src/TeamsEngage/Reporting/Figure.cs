namespace TeamsEngage.Reporting;

/// <summary>One way a figure is broken down: <c>dept</c> SCI, <c>service</c> wifi, <c>urgency</c> StoppingClass, <c>role</c> liaison.</summary>
public sealed record FigureDimension(string Kind, string Value)
{
    /// <summary>The row every figure of an area also counts in, whatever its dimensions.</summary>
    public static readonly FigureDimension All = new("all", "all");
}

/// <summary>
/// Something that happened, to be counted on the day it happened: <paramref name="Counter"/> of <paramref name="Area"/>
/// (for example <c>tickets</c> / <c>Opened</c>), once in the district row and once in each of its dimensions.
/// </summary>
/// <param name="Duration">When the event ends a wait (a first response, a resolution), how long it was; it goes into the day's histogram of that counter.</param>
/// <param name="Amount">How much to add, usually 1.</param>
/// <param name="InDistrict">False when the same event is also recorded as another figure that counts it in the district row (a page of recipients split by department and by role).</param>
public sealed record Figure(string Area, string Counter, DateTimeOffset At, IReadOnlyList<FigureDimension> Dimensions, TimeSpan? Duration = null, long Amount = 1, bool InDistrict = true);

/// <summary>
/// Where features write their figures as events happen, so reports read a few rows per day instead of every ticket
/// and vote. Implemented in the core (<see cref="FigureStore"/>); features only call it and know no one else.
/// </summary>
public interface IReportFigures
{
    /// <summary>Adds the figure. A store fault is logged, never thrown: a figure lost must not undo the event itself.</summary>
    Task RecordAsync(Figure figure, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the figure to a background writer and returns at once, for events on a hot path (a vote). Figures of the same
    /// row are added up and written once; reading figures on this instance, or stopping it, first writes what is waiting.
    /// </summary>
    void RecordSoon(Figure figure);

    /// <summary>
    /// Adds the figure only the first time <paramref name="onceKey"/> is given in this tenant (a ticket's first response,
    /// a person's first acknowledgement); returns whether it was counted now.
    /// </summary>
    Task<bool> RecordOnceAsync(string onceKey, Figure figure, CancellationToken cancellationToken);

    /// <summary>
    /// True the first time <paramref name="onceKey"/> is given in this tenant, false after: for a caller that then
    /// records several figures of one event. Only a SHA-256 of the key is stored, with nothing else.
    /// </summary>
    Task<bool> ClaimOnceAsync(string onceKey, CancellationToken cancellationToken);
}
