using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// What feedback adds to the reports as it happens: an item raised, each move by the state it reached, and an item's
/// first outcome (planned, done or declined), timed from the day it was raised.
/// </summary>
public sealed class FeedbackFigures(IReportFigures figures)
{
    public Task RaisedAsync(FeedbackItem item) =>
        figures.RecordAsync(new Figure(FeedbackCounters.Area, FeedbackCounters.Raised, item.CreatedAt, DimensionsOf(item)), CancellationToken.None);

    public async Task MovedAsync(FeedbackItem item, DateTimeOffset at)
    {
        await figures.RecordAsync(new Figure(FeedbackCounters.Area, FeedbackCounters.Moved, at, [.. DimensionsOf(item), new("status", item.State.ToString())]), CancellationToken.None).ConfigureAwait(false);
        if (item.State is FeedbackState.Planned or FeedbackState.Done or FeedbackState.Declined)
        {
            var wait = at >= item.CreatedAt ? at - item.CreatedAt : TimeSpan.Zero;
            await figures.RecordOnceAsync("outcome|" + item.Id, new Figure(FeedbackCounters.Area, FeedbackCounters.Outcome, at, DimensionsOf(item), wait), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static FigureDimension[] DimensionsOf(FeedbackItem item) => [new("dept", item.DepartmentCode?.ToUpperInvariant() ?? "-")];
}
