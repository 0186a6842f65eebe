using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Feedback;

/// <summary>What IT sees: the triage board, one item to move, and the receipt of a move.</summary>
public static class FeedbackBoardCards
{
    /// <summary>The filter value that filters nothing (a choice cannot have an empty value).</summary>
    public const string Any = "any";

    /// <summary>The board: filters (state, department, topic), one page of items, and the pages.</summary>
    public static AdaptiveCard Board(Texts texts, BoardView view)
    {
        var filters = view.Filters;
        var body = new List<CardElement>
        {
            FeedbackCards.Title(texts.Feedback_BoardTitle),
            new TextBlock(texts.Feedback_BoardCount(view.Total, view.Page + 1, view.Pages)) { Wrap = true, IsSubtle = true },
            new ChoiceSetInput("state", [new Choice(texts.Feedback_BoardAllOpen, Any), .. Enum.GetValues<FeedbackState>().Select(s => new Choice(FeedbackCards.StateText(s, texts), s.ToString()))])
            {
                Label = texts.Feedback_BoardState,
                Value = filters.State ?? Any,
            },
            new ChoiceSetInput("department", [new Choice(texts.Feedback_BoardAll, Any), .. view.Departments.Select(d => new Choice(d, d))])
            {
                Label = texts.Feedback_BoardDepartment,
                Value = filters.Department ?? Any,
            },
            new ChoiceSetInput("topic", [new Choice(texts.Feedback_BoardAll, Any), .. view.Topics.Select(t => new Choice(t.Title, t.Key))])
            {
                Label = texts.Feedback_BoardTopic,
                Value = filters.Topic ?? Any,
            },
            new ActionSet(new ExecuteAction(texts.Feedback_BoardFilter, FeedbackVerbs.Board) { Data = new BoardData() }),
        };
        if (view.Items.Count == 0)
        {
            body.Add(new TextBlock(texts.Feedback_BoardNone) { Wrap = true });
        }
        foreach (var item in view.Items)
        {
            var block = FeedbackCards.ItemBlock(texts, item, withSupport: false);
            body.Add(block with { Items = [.. block.Items, new ActionSet(new ExecuteAction(texts.Feedback_BoardOpen, FeedbackVerbs.Triage) { Data = new MoveData(item.Id), AssociatedInputs = AssociatedInputs.None })] });
        }
        var actions = new List<CardAction>();
        if (view.Page > 0)
        {
            actions.Add(Page(texts.Feedback_PagePrevious, filters with { Page = view.Page - 1 }));
        }
        if (view.Page < view.Pages - 1)
        {
            actions.Add(Page(texts.Feedback_PageNext, filters with { Page = view.Page + 1 }));
        }
        return new AdaptiveCard(body) { Actions = actions, FallbackText = texts.Feedback_BoardTitle };
    }

    /// <summary>One item to move: where it is, its history, and the move with what each state needs.</summary>
    public static AdaptiveCard Item(Texts texts, FeedbackItem item, IReadOnlyList<FeedbackChange> changes)
    {
        var body = new List<CardElement>
        {
            FeedbackCards.Title(texts.Feedback_ItemTitle(item.Id)),
            FeedbackCards.ItemBlock(texts, item, withSupport: false),
        };
        if (item.Anonymous)
        {
            body.Add(new TextBlock(texts.Feedback_ItemAnonymous) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }
        if (item.Reason is { } reason)
        {
            body.Add(new TextBlock(texts.Feedback_ItemReason) { Weight = TextWeight.Bolder });
            body.Add(CardText.UserText(reason, 500));
        }
        foreach (var change in changes)
        {
            body.Add(new TextBlock(texts.Feedback_ItemChange(change.At.UtcDateTime.ToString("d", texts.Culture), FeedbackCards.StateText(change.To, texts))) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        }
        var next = Enum.GetValues<FeedbackState>().Where(item.MayMoveTo).ToList();
        var actions = new List<CardAction>();
        if (next.Count > 0)
        {
            body.Add(new ChoiceSetInput("to", [.. next.Select(s => new Choice(FeedbackCards.StateText(s, texts), s.ToString()))]) { Label = texts.Feedback_ItemMoveTo, IsRequired = true, ErrorMessage = texts.Feedback_MoveChooseState });
            body.Add(new DateInput("targetDate") { Label = texts.Feedback_ItemTargetDate, Value = item.TargetDate });
            body.Add(new TextInput("reason") { Label = texts.Feedback_ItemReasonInput, IsMultiline = true, MaxLength = FeedbackMoves.MaxReason });
            body.Add(new TextInput("mergeInto") { Label = texts.Feedback_ItemMergeInto, Placeholder = "FB-…", MaxLength = 40 });
            actions.Add(new ExecuteAction(texts.Feedback_ItemSave, FeedbackVerbs.Move) { Data = new MoveData(item.Id), Style = ActionStyle.Positive });
        }
        actions.Add(Page(texts.Feedback_BackToBoard, new BoardData()));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = texts.Feedback_ItemTitle(item.Id) };
    }

    /// <summary>The receipt of a move, saying who is told.</summary>
    public static AdaptiveCard Moved(Texts texts, FeedbackItem item) => new(
        FeedbackCards.Title(texts.Feedback_Moved(item.Id, FeedbackCards.StateText(item.State, texts))),
        new TextBlock(FeedbackItem.IsTold(item.State) ? texts.Feedback_MovedTold : texts.Feedback_MovedNotTold) { Wrap = true })
    {
        Actions = [Page(texts.Feedback_BackToBoard, new BoardData())],
        FallbackText = texts.Feedback_Moved(item.Id, FeedbackCards.StateText(item.State, texts)),
    };

    private static ExecuteAction Page(string title, BoardData data) => new(title, FeedbackVerbs.Board) { Data = data, AssociatedInputs = AssociatedInputs.None };
}
