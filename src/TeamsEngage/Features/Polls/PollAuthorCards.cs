using TeamsEngage.Anonymity;
using TeamsEngage.Asking;
using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Polls;

/// <summary>What the author sees: the composer, the preview before sending, and the results card.</summary>
public static class PollAuthorCards
{
    /// <summary>The composer. <paramref name="error"/> is a message about the last attempt, if any.</summary>
    public static AdaptiveCard Composer(Texts texts, DateOnly defaultCloseDate, string? error = null, ComposerData? previous = null) => new(
        [
            new TextBlock(texts.Poll_ComposerTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            .. error is null ? Enumerable.Empty<CardElement>() : [new TextBlock(error) { Color = TextColor.Attention, Wrap = true }],
            new TextInput("question") { Label = texts.Poll_QuestionLabel, IsRequired = true, ErrorMessage = texts.Poll_Error_Question, MaxLength = PollLimits.MaxQuestionLength, Value = Clean(previous?.Question) },
            new TextInput("options") { Label = texts.Poll_OptionsLabel, IsMultiline = true, IsRequired = true, ErrorMessage = texts.Poll_QuickForm_OptionCount, Value = Clean(previous?.Options) },
            new ChoiceSetInput("mode", new Choice(texts.Poll_ModeSingle, "single"), new Choice(texts.Poll_ModeMultiple, "multiple")) { Label = texts.Poll_ModeLabel, Value = previous?.Mode == "multiple" ? "multiple" : "single" },
            new ToggleInput("comment", texts.Poll_CommentToggle) { ValueOn = "true", ValueOff = "false", Value = previous?.Comment == "true" ? "true" : "false", Wrap = true },
            new ToggleInput("anonymous", texts.Poll_AnonymousToggle) { ValueOn = "true", ValueOff = "false", Value = previous?.Anonymous == "true" ? "true" : "false", Wrap = true },
            new ChoiceSetInput(
                "breakdown",
                new Choice(texts.Poll_BreakdownNone, nameof(PollGrouping.None)),
                new Choice(texts.Poll_ByDepartment, nameof(PollGrouping.Department)),
                new Choice(texts.Poll_ByRole, nameof(PollGrouping.Role))) { Label = texts.Poll_BreakdownLabel, Value = previous?.Breakdown ?? nameof(PollGrouping.None) },
            new ChoiceSetInput(
                "results",
                new Choice(texts.Poll_ResultsLive, nameof(ResultsVisibility.Live)),
                new Choice(texts.Poll_ResultsAfter, nameof(ResultsVisibility.AfterClose)),
                new Choice(texts.Poll_ResultsHidden, nameof(ResultsVisibility.Never))) { Label = texts.Poll_ResultsLabel, Value = previous?.Results ?? nameof(ResultsVisibility.Live) },
            new DateInput("closeDate") { Label = texts.Poll_CloseDateLabel, IsRequired = true, ErrorMessage = texts.Poll_Error_Closing, Value = DateOf(previous?.CloseDate) ?? defaultCloseDate },
            new TimeInput("closeTime") { Label = texts.Poll_CloseTimeLabel, Value = TimeOf(previous?.CloseTime) ?? new TimeOnly(17, 0) },
            new ChoiceSetInput(
                "audienceKind",
                new Choice(texts.Poll_AudienceEveryone, nameof(AudienceKind.Everyone)),
                new Choice(texts.Poll_AudienceDepartments, nameof(AudienceKind.Departments)),
                new Choice(texts.Poll_AudienceRoles, nameof(AudienceKind.Roles)),
                new Choice(texts.Poll_AudiencePeople, nameof(AudienceKind.People))) { Label = texts.Poll_AudienceLabel, Value = previous?.AudienceKind ?? nameof(AudienceKind.Everyone) },
            new TextInput("audienceValues") { Label = texts.Poll_AudienceValuesLabel, Placeholder = texts.Poll_AudienceValuesHint, Value = Clean(previous?.AudienceValues) },
        ])
    {
        Actions = [previous?.PollId is { } draftId
            ? new ExecuteAction(texts.Poll_PreviewButton, PollVerbs.Revise) { Data = new PollRef(draftId), Style = ActionStyle.Positive }
            : new ExecuteAction(texts.Poll_PreviewButton, PollVerbs.Preview) { Style = ActionStyle.Positive }],
        FallbackText = texts.Poll_ComposerTitle,
    };

    /// <summary>A draft as the composer's inputs, its closing time in the author's zone, so Edit shows what was written.</summary>
    public static ComposerData FormOf(Poll draft, TimeZoneInfo timeZone)
    {
        var spec = draft.Spec;
        var (date, time) = PeopleTime.ToLocal(spec.ClosesAt, timeZone);
        return new ComposerData(
            spec.Question,
            string.Join('\n', spec.Options),
            spec.MultipleChoice ? "multiple" : "single",
            spec.AllowComment ? "true" : "false",
            spec.Anonymous ? "true" : "false",
            spec.Results.ToString(),
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            time.ToString("HH:mm", CultureInfo.InvariantCulture),
            spec.Audience.Kind.ToString(),
            string.Join(", ", spec.Audience.Values),
            spec.Grouping.ToString(),
            draft.Id);
    }

    /// <summary>The preview: the ballot exactly as recipients will see it, what the poll does, and Send, Edit or Discard.</summary>
    public static AdaptiveCard Preview(Poll poll, Texts texts, TimeZoneInfo timeZone) => new(
        [
            new TextBlock(texts.Poll_PreviewTitle) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true },
            new Container([.. PollCards.Ballot(poll, poll.AuthorUserId, texts, timeZone).Body]) { Style = ContainerStyle.Emphasis },
            new FactSet(
                new Fact(texts.Poll_FactMode, texts[poll.Spec.MultipleChoice ? TextKeys.Poll_ModeMultiple : TextKeys.Poll_ModeSingle]),
                new Fact(texts.Poll_FactAnonymous, texts[poll.Spec.Anonymous ? TextKeys.Poll_Yes : TextKeys.Poll_No]),
                new Fact(texts.Poll_FactBreakdown, texts[BreakdownKey(poll.Spec)]),
                new Fact(texts.Poll_FactComment, texts[poll.Spec.AllowComment ? TextKeys.Poll_Yes : TextKeys.Poll_No]),
                new Fact(texts.Poll_FactResults, texts[ResultsKey(poll.Spec.Results)]),
                new Fact(texts.Poll_FactAudience, AudienceText(poll.Spec.Audience, texts))),
        ])
    {
        // The ballot's inputs are there to be seen: no button of the author's sends them or waits for them.
        Actions =
        [
            new ExecuteAction(texts.Poll_SendButton, PollVerbs.Send) { Data = new PollRef(poll.Id), Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.None },
            new ExecuteAction(texts.Poll_Edit, PollVerbs.Edit) { Data = new PollRef(poll.Id), AssociatedInputs = AssociatedInputs.None },
            new ExecuteAction(texts.Poll_Discard, PollVerbs.Discard) { Data = new PollRef(poll.Id), Style = ActionStyle.Destructive, AssociatedInputs = AssociatedInputs.None },
        ],
        FallbackText = texts.Poll_PreviewTitle,
    };

    /// <summary>The author's results: counts, shares, participation, the breakdown on request, and the poll's controls.</summary>
    public static AdaptiveCard Results(PollResultsView view, Texts texts, TimeZoneInfo timeZone)
    {
        var poll = view.Poll;
        return new AdaptiveCard(
        [
            .. PollCards.Header(poll, texts, timeZone),
            new TextBlock(Participation(view, texts)) { Wrap = true, Weight = TextWeight.Bolder },
            .. view.Writing is { } writing ? [new TextBlock(texts.Poll_Preparing(writing.Examined, writing.Total ?? 0)) { Wrap = true, IsSubtle = true }] : Enumerable.Empty<CardElement>(),
            .. view.Held is { } held ? [new TextBlock(texts.Poll_HeldForQuietHours(held.People, PeopleTime.FullDateWithZone(held.Until, timeZone, texts))) { Wrap = true, IsSubtle = true }] : Enumerable.Empty<CardElement>(),
            .. poll.Capped > 0 ? [new TextBlock(texts.Poll_CappedNote(poll.Capped)) { Wrap = true, IsSubtle = true, Size = TextSize.Small }] : Enumerable.Empty<CardElement>(),
            .. view.Results.Tally is { } tally
                ? PollCards.Results(poll, tally, texts)
                : [new TextBlock(poll.Status == PollStatus.Closed ? texts.Poll_ResultsWithheldClosed : texts.Poll_ResultsWithheld(view.MinGroupSize)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Medium }],
            .. FindingsStatus(view, texts, timeZone),
            .. BreakdownButtons(view, texts),
            .. view.BreakdownBy is { } by && view.Results.Breakdowns.TryGetValue(by, out var groups) ? Breakdown(view, by, groups, texts) : Enumerable.Empty<CardElement>(),
        ])
        {
            Actions = AuthorActions(view, texts),
            FallbackText = texts.Poll_Title,
        };
    }

    // Before anyone has the poll, "0 of 0 people reached" would be false: say the send is queued or being prepared.
    private static string Participation(PollResultsView view, Texts texts) =>
        view.Poll.Status != PollStatus.Open || view.Reached > 0 ? texts.Poll_Participation(view.Results.Voters, view.Reached)
        : view.Pending > 0 ? texts.Poll_SendQueued(view.Pending)
        : view.Writing is not null ? texts.Poll_SendPreparing
        : texts.Poll_Participation(view.Results.Voters, view.Reached);

    private static IEnumerable<CardElement> FindingsStatus(PollResultsView view, Texts texts, TimeZoneInfo timeZone)
    {
        if (view.Poll.Findings is { } findings)
        {
            yield return FindingsCards.Status(texts, findings, view.FindingsReach ?? new FindingsReach(0, 0), timeZone);
        }
    }

    private static IEnumerable<CardElement> BreakdownButtons(PollResultsView view, Texts texts)
    {
        var offered = view.Results.Breakdowns.Keys.Order(StringComparer.Ordinal).ToList();
        if (offered.Count > 0)
        {
            yield return new ActionSet([.. offered.Select(by => (CardAction)new ExecuteAction(texts[by == PollDisclosure.ByRole ? TextKeys.Poll_ByRole : TextKeys.Poll_ByDepartment], PollVerbs.Results) { Data = new ResultsData(view.Poll.Id, by) })]);
        }
    }

    private static IEnumerable<CardElement> Breakdown(PollResultsView view, string by, IReadOnlyList<BreakdownGroup> groups, Texts texts)
    {
        yield return new TextBlock(texts[by == PollDisclosure.ByRole ? TextKeys.Poll_BreakdownByRole : TextKeys.Poll_BreakdownByDepartment]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        foreach (var group in groups)
        {
            var name = group.Name.Length == 0 ? texts[view.Poll.Spec.Anonymous ? TextKeys.Poll_GroupOther : TextKeys.Poll_GroupUnknown] : CardText.Escape(group.Name);
            var value = group.Tally is { } t
                ? texts.Poll_GroupCounts(t.Voters, string.Join(" · ", view.Poll.Spec.Options.Select((o, i) => $"{CardText.Escape(CardText.Truncate(o, 30))}: {t.Counts[i].ToString(texts.Culture)}")))
                : group.Suppression == GroupSuppression.TooSmall ? texts.Poll_GroupTooSmall(view.MinGroupSize) : texts.Poll_GroupWithheld;
            yield return new FactSet(new Fact(name, value)) { Spacing = Spacing.Small };
        }
    }

    private static List<CardAction> AuthorActions(PollResultsView view, Texts texts)
    {
        var data = new PollRef(view.Poll.Id);
        var actions = new List<CardAction>
        {
            new ExecuteAction(texts.Poll_RefreshResults, PollVerbs.Results) { Data = new ResultsData(view.Poll.Id) },
        };
        if (view.ReadOnly)
        {
            return actions;
        }
        if (view.Poll.Status == PollStatus.Open)
        {
            actions.Add(new ExecuteAction(texts.Poll_CloseNow, PollVerbs.Close) { Data = data, Style = ActionStyle.Destructive });
            // The reminder goes to recorded recipients, so it is offered once every one of them is recorded.
            if (view.Poll.RemindedAt is null && view.Writing is null)
            {
                actions.Add(new ExecuteAction(texts.Poll_Remind, PollVerbs.Remind) { Data = data });
            }
        }
        if (view.Poll.Status == PollStatus.Closed && view.Poll.Findings is null)
        {
            actions.Add(new ExecuteAction(texts.Findings_ShareButton, PollVerbs.Findings) { Data = new FindingsData(view.Poll.Id), Style = ActionStyle.Positive });
        }
        if (view.ExportLink is { } link)
        {
            actions.Add(new OpenUrlAction(texts.Poll_Export, link));
        }
        return actions;
    }

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static TimeOnly? TimeOf(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static string BreakdownKey(PollSpec spec) => !spec.Anonymous ? TextKeys.Poll_BreakdownBoth : spec.Grouping switch
    {
        PollGrouping.Department => TextKeys.Poll_ByDepartment,
        PollGrouping.Role => TextKeys.Poll_ByRole,
        _ => TextKeys.Poll_BreakdownNone,
    };

    internal static string ResultsKey(ResultsVisibility results) => results switch
    {
        ResultsVisibility.Live => TextKeys.Poll_ResultsLive,
        ResultsVisibility.AfterClose => TextKeys.Poll_ResultsAfter,
        _ => TextKeys.Poll_ResultsHidden,
    };

    private static string AudienceText(Audience audience, Texts texts) => audience.Kind == AudienceKind.Everyone
        ? texts.Poll_AudienceEveryone
        : CardText.Escape(string.Join(", ", audience.Values));

    private static string? Clean(string? text) => text is null ? null : CardText.Clean(text);
}

/// <summary>Everything the author's results card shows.</summary>
public sealed record PollResultsView(Poll Poll, PollResults Results, int Reached, int MinGroupSize, string? BreakdownBy = null, Uri? ExportLink = null)
{
    /// <summary>How far the outbox is in writing the recipients' rows; null once every recipient has one.</summary>
    public Outbox.BroadcastProgress? Writing { get; init; }

    /// <summary>Invitations waiting for their recipients' quiet hours; null when none waits.</summary>
    public HeldInvitations? Held { get; init; }

    /// <summary>Invitations queued in the outbox and not yet delivered.</summary>
    public int Pending { get; init; }

    /// <summary>Seen by an administrator who is not the author: the results only, none of the author's controls.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>How far the findings went, once shared.</summary>
    public FindingsReach? FindingsReach { get; init; }
}
