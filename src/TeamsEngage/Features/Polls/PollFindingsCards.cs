using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Polls;

/// <summary>The findings of a closed poll: the author's composer and preview, and the card its audience receives.</summary>
public static class PollFindingsCards
{
    /// <summary>What was learned and what happens next, with the results when the author includes them.</summary>
    public static AdaptiveCard Composer(Poll poll, Texts texts, string? error, FindingsData? previous) => new(
        [
            new TextBlock(texts.Poll_Findings_ComposerTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            CardText.UserText(poll.Spec.Question, isSubtle: true),
            .. error is null ? Enumerable.Empty<CardElement>() : [new TextBlock(error) { Color = TextColor.Attention, Wrap = true }],
            new TextInput("learned") { Label = texts.Poll_Findings_Learned, IsMultiline = true, IsRequired = true, ErrorMessage = texts.Poll_Findings_Required, MaxLength = PollLimits.MaxFindingsLength, Value = Clean(previous?.Learned) },
            new TextInput("nextSteps") { Label = texts.Poll_Findings_Next, IsMultiline = true, IsRequired = true, ErrorMessage = texts.Poll_Findings_Required, MaxLength = PollLimits.MaxFindingsLength, Value = Clean(previous?.NextSteps) },
            new ToggleInput("withResults", texts.Poll_Findings_WithResults) { ValueOn = "true", ValueOff = "false", Value = previous?.WithResults ?? "true", Wrap = true },
            new TextInput("cites") { Label = texts.Poll_Findings_CitesLabel, Placeholder = "FB-…", MaxLength = 300, Value = Clean(previous?.Cites) },
        ])
    {
        Actions = [new ExecuteAction(texts.Poll_Findings_PreviewButton, PollVerbs.FindingsPreview) { Data = new FindingsData(poll.Id), Style = ActionStyle.Positive }],
        FallbackText = texts.Poll_Findings_ComposerTitle,
    };

    /// <summary>The findings as they will arrive, how many people they go to, and Send (carrying what was written).</summary>
    public static AdaptiveCard Preview(Poll poll, PollFindings findings, PollResults? shown, IReadOnlyList<CitedFeedback> cited, int audience, int minGroupSize, Texts texts, TimeZoneInfo timeZone) => new(
        [
            new TextBlock(texts.Poll_Findings_PreviewTitle(audience)) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true },
            new Container([.. Body(poll, findings, shown, cited, minGroupSize, texts, timeZone)]) { Style = ContainerStyle.Emphasis },
        ])
    {
        Actions =
        [
            new ExecuteAction(texts.Poll_Findings_SendButton, PollVerbs.FindingsSend)
            {
                Data = DataOf(poll, findings),
                Style = ActionStyle.Positive,
            },
            new ExecuteAction(texts.Poll_Findings_EditButton, PollVerbs.Findings)
            {
                Data = DataOf(poll, findings),
            },
        ],
        FallbackText = texts.Poll_Findings_Notification,
    };

    /// <summary>The card the poll's audience receives.</summary>
    public static AdaptiveCard Findings(Poll poll, PollFindings findings, PollResults? shown, IReadOnlyList<CitedFeedback> cited, int minGroupSize, Texts texts, TimeZoneInfo timeZone) =>
        new([.. Body(poll, findings, shown, cited, minGroupSize, texts, timeZone)]) { FallbackText = texts.Poll_Findings_Notification };

    private static FindingsData DataOf(Poll poll, PollFindings findings) =>
        new(poll.Id, findings.Learned, findings.NextSteps, findings.WithResults ? "true" : "false", string.Join(", ", findings.Cites ?? []));

    private static IEnumerable<CardElement> Body(Poll poll, PollFindings findings, PollResults? shown, IReadOnlyList<CitedFeedback> cited, int minGroupSize, Texts texts, TimeZoneInfo timeZone)
    {
        yield return new TextBlock(texts.Poll_Findings_Title) { Size = TextSize.Small, Weight = TextWeight.Bolder, IsSubtle = true, Style = TextBlockStyle.Heading };
        yield return CardText.UserText(poll.Spec.Question);
        if (findings.SharedAt != DateTimeOffset.MinValue)
        {
            yield return new TextBlock(texts.Poll_Findings_SharedOn(PeopleTime.FullDate(findings.SharedAt, timeZone, texts))) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
        }
        if (shown is not null)
        {
            foreach (var element in ResultsOf(poll, shown, minGroupSize, texts))
            {
                yield return element;
            }
        }
        yield return new TextBlock(texts.Poll_Findings_Learned) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
        yield return CardText.UserText(findings.Learned);
        yield return new TextBlock(texts.Poll_Findings_Next) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
        yield return CardText.UserText(findings.NextSteps);
        if (cited.Count > 0)
        {
            yield return new TextBlock(texts.Poll_Findings_Cited) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
            foreach (var item in cited)
            {
                yield return new FactSet(new Fact(CardText.Escape(item.Id), texts.Poll_Findings_CitedItem(CardText.Escape(CardText.Truncate(item.Summary, 100)), item.Supporters))) { Spacing = Spacing.Small };
            }
        }
    }

    private static IEnumerable<CardElement> ResultsOf(Poll poll, PollResults shown, int minGroupSize, Texts texts)
    {
        if (shown.Tally is not { } tally)
        {
            return [new TextBlock(texts.Poll_Findings_ResultsWithheld(minGroupSize)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Medium }];
        }
        return
        [
            new TextBlock(texts.Poll_Findings_Answered(tally.Voters)) { Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            .. PollCards.Results(poll, tally, texts),
        ];
    }

    private static string? Clean(string? text) => text is null ? null : CardText.Clean(text);
}
