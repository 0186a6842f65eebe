using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Commands;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Feedback;

/// <summary>What everyone sees: the form, similar items before filing, the receipt, colleagues' items, and an outcome.</summary>
public static class FeedbackCards
{
    /// <summary>The form, pre-filled, with the plain statement of what anonymous means, and an error when a submission was refused.</summary>
    public static AdaptiveCard Form(Texts texts, IReadOnlyList<FeedbackTopic> topics, SubmitData prefill, string? error = null)
    {
        var body = new List<CardElement> { Title(texts.Feedback_FormTitle), new TextBlock(texts.Feedback_FormIntro) { Wrap = true } };
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention });
        }
        body.Add(new ChoiceSetInput("kind", [.. Enum.GetValues<FeedbackKind>().Select(k => new Choice(KindText(k, texts), k.ToString()))])
        {
            Label = texts.Feedback_FormKind,
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = texts.Feedback_FormKindMissing,
            Value = prefill.Kind,
        });
        body.Add(new TextInput("text")
        {
            Label = texts.Feedback_FormText,
            Placeholder = texts.Feedback_FormTextHint,
            IsMultiline = true,
            IsRequired = true,
            MaxLength = FeedbackDesk.MaxText,
            ErrorMessage = texts.Feedback_FormTextMissing,
            Value = prefill.Text,
        });
        body.Add(new ChoiceSetInput("topic", [new Choice(texts.Feedback_TopicGeneral, FeedbackTopic.General), .. topics.Select(t => new Choice(t.Title, t.Key))])
        {
            Label = texts.Feedback_FormTopic,
            Value = prefill.Topic ?? FeedbackTopic.General,
        });
        body.Add(new ToggleInput("anonymous", texts.Feedback_FormAnonymous) { ValueOn = "true", ValueOff = "false", Value = prefill.Anonymous == "true" ? "true" : "false", Wrap = true });
        body.Add(new TextBlock(texts.Feedback_FormAnonymousMeans(IdeasWord(texts))) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small });
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Feedback_FormSend, FeedbackVerbs.Submit) { Data = new SubmitData(), Style = ActionStyle.Positive }],
            FallbackText = texts.Feedback_FormTitle,
        };
    }

    /// <summary>Open items worded like the person's, each with "Me too", and sending theirs anyway.</summary>
    public static AdaptiveCard Similar(Texts texts, IReadOnlyList<FeedbackItem> items, SubmitData submitted)
    {
        var body = new List<CardElement> { Title(texts.Feedback_SimilarTitle), new TextBlock(texts.Feedback_SimilarIntro) { Wrap = true } };
        body.AddRange(items.Select(item => ItemBlock(texts, item, withSupport: true)));
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Feedback_SimilarFileAnyway, FeedbackVerbs.Submit) { Data = submitted with { FileAnyway = "true" }, AssociatedInputs = AssociatedInputs.None }],
            FallbackText = texts.Feedback_SimilarTitle,
        };
    }

    /// <summary>The receipt: the item's id, and what happens next (nothing personal when it is anonymous).</summary>
    public static AdaptiveCard Filed(Texts texts, FeedbackItem item) => new(
        Title(texts.Feedback_FiledTitle(item.Id)),
        CardText.UserText(item.Text, 500, italic: true),
        new TextBlock(item.Anonymous ? texts.Feedback_FiledAnonymous(IdeasWord(texts)) : texts.Feedback_FiledNamed) { Wrap = true })
    {
        FallbackText = texts.Feedback_FiledTitle(item.Id),
    };

    /// <summary><c>ideas</c>: one page of open items, with the other scope, the other order and the pages.</summary>
    public static AdaptiveCard Browse(Texts texts, BrowseView view)
    {
        var scope = view.Scope == FeedbackBrowsing.District ? texts.Feedback_BrowseDistrict : texts.Feedback_BrowseDepartment(CardText.Escape(view.DepartmentName ?? ""));
        var order = view.Order == FeedbackBrowsing.Supported ? texts.Feedback_BrowseBySupport : texts.Feedback_BrowseByNewest;
        var body = new List<CardElement>
        {
            Title(texts.Feedback_BrowseTitle),
            new TextBlock(texts.Feedback_BrowseShowing(scope, order, view.Page + 1, view.Pages)) { Wrap = true, IsSubtle = true },
        };
        if (view.Items.Count == 0)
        {
            body.Add(new TextBlock(texts.Feedback_BrowseNone(BotCommands.Feedback.WordFor(texts.Language))) { Wrap = true });
        }
        body.AddRange(view.Items.Select(item => ItemBlock(texts, item, withSupport: true)));
        var actions = new List<CardAction>();
        if (view.DepartmentName is not null)
        {
            var other = view.Scope == FeedbackBrowsing.District ? FeedbackBrowsing.Department : FeedbackBrowsing.District;
            actions.Add(Browse(view.Scope == FeedbackBrowsing.District ? texts.Feedback_BrowseShowDepartment : texts.Feedback_BrowseShowDistrict, new BrowseData(other, view.Order)));
        }
        actions.Add(view.Order == FeedbackBrowsing.Supported
            ? Browse(texts.Feedback_BrowseShowNewest, new BrowseData(view.Scope, FeedbackBrowsing.Newest))
            : Browse(texts.Feedback_BrowseShowSupported, new BrowseData(view.Scope, FeedbackBrowsing.Supported)));
        if (view.Page > 0)
        {
            actions.Add(Browse(texts.Feedback_PagePrevious, new BrowseData(view.Scope, view.Order, view.Page - 1)));
        }
        if (view.Page < view.Pages - 1)
        {
            actions.Add(Browse(texts.Feedback_PageNext, new BrowseData(view.Scope, view.Order, view.Page + 1)));
        }
        return new AdaptiveCard(body) { Actions = actions, FallbackText = texts.Feedback_BrowseTitle };
    }

    /// <summary>An outcome told to a follower: what they shared or supported, and what IT decided.</summary>
    public static AdaptiveCard Outcome(Texts texts, FeedbackItem item, FeedbackChange change)
    {
        var body = new List<CardElement>
        {
            Title(texts.Feedback_OutcomeTitle(item.Id)),
            new TextBlock(texts.Feedback_OutcomeIntro) { Wrap = true },
            CardText.UserText(item.Text, 300, italic: true),
            new TextBlock(change.To switch
            {
                FeedbackState.Planned => texts.Feedback_OutcomePlanned(Day(change.TargetDate, texts)),
                FeedbackState.Done => texts.Feedback_OutcomeDone,
                _ => texts.Feedback_OutcomeDeclined,
            }) { Wrap = true, Weight = TextWeight.Bolder },
        };
        if (change.To == FeedbackState.Declined && change.Reason is { } reason)
        {
            body.Add(CardText.UserText(reason, 500));
        }
        if (change.To == FeedbackState.Planned && item.AnsweredBy is { } notice)
        {
            body.Add(new TextBlock(texts.Feedback_OutcomeAnsweredBy(CardText.Escape(notice))) { Wrap = true, IsSubtle = true });
        }
        return new AdaptiveCard(body) { FallbackText = texts.Feedback_OutcomeTitle(item.Id) };
    }

    /// <summary>One item as a list shows it: id, kind, state, text, topic, support; "Me too" when asked for.</summary>
    public static Container ItemBlock(Texts texts, FeedbackItem item, bool withSupport)
    {
        var items = new List<CardElement>
        {
            new TextBlock($"**{item.Id}** · {KindText(item.Kind, texts)} · {StateText(item.State, texts)}") { Wrap = true },
            CardText.UserText(item.Text, 300),
            new TextBlock(Details(texts, item)) { Wrap = true, IsSubtle = true, Size = TextSize.Small },
        };
        if (withSupport && item.IsOpen)
        {
            items.Add(new ActionSet(new ExecuteAction(texts.Feedback_MeToo, FeedbackVerbs.Support) { Data = new SupportData(item.Id) }));
        }
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    public static string KindText(FeedbackKind kind, Texts texts) => kind switch
    {
        FeedbackKind.Complaint => texts.Feedback_KindComplaint,
        FeedbackKind.Praise => texts.Feedback_KindPraise,
        _ => texts.Feedback_KindIdea,
    };

    public static string StateText(FeedbackState state, Texts texts) => state switch
    {
        FeedbackState.UnderReview => texts.Feedback_StateUnderReview,
        FeedbackState.Planned => texts.Feedback_StatePlanned,
        FeedbackState.Done => texts.Feedback_StateDone,
        FeedbackState.Declined => texts.Feedback_StateDeclined,
        FeedbackState.Merged => texts.Feedback_StateMerged,
        _ => texts.Feedback_StateNew,
    };

    public static string Day(DateOnly? day, Texts texts) => day is { } d ? PeopleTime.DayInYear(d, texts) : "";

    public static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };

    private static string Details(Texts texts, FeedbackItem item)
    {
        var parts = new List<string> { texts.Feedback_Supporters(item.Supporters) };
        if (item.TopicTitle is { } topic)
        {
            parts.Add(texts.Feedback_About(CardText.Escape(topic)));
        }
        if (item.DepartmentCode is { } department)
        {
            parts.Add(CardText.Escape(department));
        }
        if (item.State == FeedbackState.Planned && item.TargetDate is { } target)
        {
            parts.Add(texts.Feedback_PlannedFor(Day(target, texts)));
        }
        return string.Join(" · ", parts);
    }

    private static string IdeasWord(Texts texts) => BotCommands.Ideas.WordFor(texts.Language);

    private static ExecuteAction Browse(string title, BrowseData data) => new(title, FeedbackVerbs.Browse) { Data = data, AssociatedInputs = AssociatedInputs.None };
}
