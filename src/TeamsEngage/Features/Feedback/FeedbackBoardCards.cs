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
    public static AdaptiveCard Item(Texts texts, FeedbackItem item, IReadOnlyList<FeedbackChange> changes, TimeZoneInfo zone)
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
        if (item.TicketId is { } ticketId)
        {
            body.Add(new TextBlock(texts.Feedback_ItemTicket(CardText.Escape(ticketId))) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }
        if (item.Reason is { } reason)
        {
            body.Add(new TextBlock(texts.Feedback_ItemReason) { Weight = TextWeight.Bolder });
            body.Add(CardText.UserText(reason, 500));
        }
        foreach (var change in changes)
        {
            body.Add(new TextBlock(texts.Feedback_ItemChange(PeopleTime.Moment(change.At, zone, texts), FeedbackCards.StateText(change.To, texts))) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
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
        if (item.IsOpen && item.TicketId is null)
        {
            actions.Add(new ExecuteAction(texts.Feedback_ItemOpenTicket, FeedbackVerbs.TicketForm) { Data = new ItemTicketData(item.Id), AssociatedInputs = AssociatedInputs.None });
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

    /// <summary>
    /// The ticket form for an item: the item's text to start from, where, and how urgent, each error under its field.
    /// Says who will be the reporter: the raiser when named, the person filing when the item is anonymous.
    /// </summary>
    public static AdaptiveCard TicketForm(Texts texts, FeedbackItem item, IReadOnlyList<Choice> urgencies, ItemTicketData? typed = null, TicketFormErrors? errors = null)
    {
        var body = new List<CardElement>
        {
            FeedbackCards.Title(texts.Feedback_TicketFormTitle(item.Id)),
            new TextBlock(item.Anonymous ? texts.Feedback_TicketFormAnonymous : texts.Feedback_TicketFormNamed) { Wrap = true, IsSubtle = true },
            new TextInput("description") { Label = texts.Feedback_TicketFormWhat, IsMultiline = true, IsRequired = true, MaxLength = FeedbackDesk.MaxText, Value = typed?.Description ?? item.Text, ErrorMessage = texts.Feedback_TicketFormWhatMissing },
        };
        AddError(body, errors?.Description);
        body.Add(new TextInput("location") { Label = texts.Feedback_TicketFormWhere, IsRequired = true, MaxLength = 200, Value = typed?.Location, ErrorMessage = texts.Feedback_TicketFormWhereMissing });
        AddError(body, errors?.Location);
        body.Add(new ChoiceSetInput("urgency", urgencies) { Label = texts.Feedback_TicketFormUrgency, IsRequired = true, Style = ChoiceInputStyle.Expanded, Value = typed?.Urgency, ErrorMessage = texts.Feedback_TicketFormUrgencyMissing });
        AddError(body, errors?.Urgency);
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Feedback_TicketFormSend, FeedbackVerbs.Ticket) { Data = new ItemTicketData(item.Id), Style = ActionStyle.Positive },
                new ExecuteAction(texts.Feedback_TicketFormBack, FeedbackVerbs.Triage) { Data = new MoveData(item.Id), AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = texts.Feedback_TicketFormTitle(item.Id),
        };
    }

    /// <summary>The receipt of a ticket opened from an item.</summary>
    public static AdaptiveCard TicketOpened(Texts texts, FeedbackItem item, string ticketId) => new(
        FeedbackCards.Title(texts.Feedback_TicketOpened(CardText.Escape(ticketId), item.Id)),
        new TextBlock(item.Anonymous ? texts.Feedback_TicketOpenedAnonymous : texts.Feedback_TicketOpenedNamed) { Wrap = true })
    {
        Actions = [new ExecuteAction(texts.Feedback_TicketFormBack, FeedbackVerbs.Triage) { Data = new MoveData(item.Id), AssociatedInputs = AssociatedInputs.None }, Page(texts.Feedback_BackToBoard, new BoardData())],
        FallbackText = texts.Feedback_TicketOpened(ticketId, item.Id),
    };

    private static void AddError(List<CardElement> body, string? error)
    {
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.Small });
        }
    }
}
