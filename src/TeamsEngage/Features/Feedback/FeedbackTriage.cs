using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Feedback;

/// <summary>One page of the triage board: the filters chosen, what they may be, and the items.</summary>
public sealed record BoardView(
    BoardData Filters,
    int Page,
    int Pages,
    int Total,
    IReadOnlyList<string> Departments,
    IReadOnlyList<FeedbackTopic> Topics,
    IReadOnlyList<FeedbackItem> Items);

/// <summary><c>triage</c>: the board of the items the caller triages, with filters and pages, and the moves made from it.</summary>
public sealed class FeedbackTriage(FeedbackStore store, FeedbackStaff staff, FeedbackMoves moves)
{
    public const int PageSize = 5;

    public async Task OpenAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(command.Caller, new BoardData(), cancellationToken).ConfigureAwait(false);
        await command.Turn.SendAsync(Replies.Card(FeedbackBoardCards.Board(command.Texts, view), command.Texts.Feedback_BoardTitle), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> BoardAsync(CardAction<BoardData> action, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(FeedbackBoardCards.Board(action.Texts, await ViewAsync(action.Caller, action.Data, cancellationToken).ConfigureAwait(false)));

    /// <summary>One item, to move it.</summary>
    public async Task<CardActionResult> OpenItemAsync(CardAction<MoveData, FeedbackItem> action, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(FeedbackBoardCards.Item(action.Texts, action.Entity, await store.ChangesAsync(action.Entity.Id, cancellationToken).ConfigureAwait(false), PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone())));

    /// <summary>A move from the board; the item's access was checked by the dispatcher, a merge target's is checked here.</summary>
    public async Task<CardActionResult> MoveAsync(CardAction<MoveData, FeedbackItem> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var data = action.Data;
        if (!Enum.TryParse<FeedbackState>(data.To, ignoreCase: false, out var to) || !Enum.IsDefined(to) || to == FeedbackState.New)
        {
            return CardActionResult.WithMessage(texts.Feedback_MoveChooseState);
        }
        DateOnly? target = null;
        if (!string.IsNullOrWhiteSpace(data.TargetDate))
        {
            if (!DateOnly.TryParseExact(data.TargetDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return CardActionResult.WithMessage(texts.Feedback_MoveNeedsDate);
            }
            target = date;
        }
        string? into = null;
        if (to == FeedbackState.Merged)
        {
            var departments = await staff.DepartmentsOfAsync(action.Caller, cancellationToken).ConfigureAwait(false);
            var merged = string.IsNullOrWhiteSpace(data.MergeInto) ? null : await store.FindAsync(data.MergeInto, cancellationToken).ConfigureAwait(false);
            if (merged is null || !merged.IsOpen || merged.Id == action.Entity.Id || !FeedbackStaff.Covers(departments, merged))
            {
                return CardActionResult.WithMessage(texts.Feedback_MoveNeedsTarget);
            }
            into = merged.Id;
        }
        var result = await moves.MoveAsync(action.Entity.Id, new FeedbackMove(to, target, data.Reason, into), FeedbackDesk.KeyOf(action.Caller), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            Storage.UpdateOutcome.Written => CardActionResult.WithCard(FeedbackBoardCards.Moved(texts, result.State!)),
            Storage.UpdateOutcome.Refused => CardActionResult.WithMessage(texts[result.Refusal!]),
            Storage.UpdateOutcome.NotFound => CardActionResult.NotFound,
            _ => CardActionResult.ChangedMeanwhile,
        };
    }

    private static bool IsAny(string? filter) => string.IsNullOrEmpty(filter) || filter == FeedbackBoardCards.Any;

    private async Task<BoardView> ViewAsync(Caller caller, BoardData filters, CancellationToken cancellationToken)
    {
        var departments = await staff.DepartmentsOfAsync(caller, cancellationToken).ConfigureAwait(false);
        var mine = (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Where(i => FeedbackStaff.Covers(departments, i)).ToList();
        var state = Enum.TryParse<FeedbackState>(filters.State, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : (FeedbackState?)null;
        var chosen = mine
            .Where(i => state is null ? i.IsOpen : i.State == state)
            .Where(i => IsAny(filters.Department) || string.Equals(i.DepartmentCode, filters.Department, StringComparison.OrdinalIgnoreCase))
            .Where(i => IsAny(filters.Topic) || i.Topic == filters.Topic)
            .OrderBy(i => i.State)
            .ThenByDescending(i => i.Supporters)
            .ThenByDescending(i => i.CreatedAt)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var pages = Math.Max(1, (chosen.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filters.Page, 0, pages - 1);
        return new BoardView(
            filters with { Page = page },
            page,
            pages,
            chosen.Count,
            [.. mine.Select(i => i.DepartmentCode).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            [.. mine.Where(i => i.TopicTitle is not null).Select(i => new FeedbackTopic(i.Topic, i.TopicTitle!)).DistinctBy(t => t.Key).OrderBy(t => t.Title, StringComparer.CurrentCulture)],
            [.. chosen.Skip(page * PageSize).Take(PageSize)]);
    }
}
