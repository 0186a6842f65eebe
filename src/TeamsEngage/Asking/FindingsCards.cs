using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Asking;

/// <summary>
/// The cards of findings, whatever was asked: the composer, the preview and the card the audience receives. The asking
/// feature gives what was asked (<paramref name="subject"/>), its verbs and button data, and its results block.
/// </summary>
public static class FindingsCards
{
    /// <summary>What was learned and what happens next, whether the results go with them, and the feedback they answer.</summary>
    public static AdaptiveCard Composer(Texts texts, string subject, string? error, FindingsForm? previous, string previewVerb, object data) => new(
        [
            new TextBlock(texts.Findings_ComposerTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            CardText.UserText(subject, isSubtle: true),
            .. error is null ? Enumerable.Empty<CardElement>() : [new TextBlock(error) { Color = TextColor.Attention, Wrap = true }],
            new TextInput("learned") { Label = texts.Findings_Learned, IsMultiline = true, IsRequired = true, ErrorMessage = texts.Findings_Required, MaxLength = FindingsRules.MaxLength, Value = Clean(previous?.Learned) },
            new TextInput("nextSteps") { Label = texts.Findings_Next, IsMultiline = true, IsRequired = true, ErrorMessage = texts.Findings_Required, MaxLength = FindingsRules.MaxLength, Value = Clean(previous?.NextSteps) },
            new ToggleInput("withResults", texts.Findings_WithResults) { ValueOn = "true", ValueOff = "false", Value = previous?.WithResults ?? "true", Wrap = true },
            new TextInput("cites") { Label = texts.Findings_CitesLabel, Placeholder = "FB-…", MaxLength = 300, Value = Clean(previous?.Cites) },
        ])
    {
        Actions = [new ExecuteAction(texts.Findings_PreviewButton, previewVerb) { Data = data, Style = ActionStyle.Positive }],
        FallbackText = texts.Findings_ComposerTitle,
    };

    /// <summary>The findings as they will arrive under <paramref name="heading"/>, with Send and Edit carrying what was written.</summary>
    public static AdaptiveCard Preview(Texts texts, string heading, IEnumerable<CardElement> body, string sendVerb, string editVerb, object data, string fallback) => new(
        [
            new TextBlock(heading) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true },
            new Container([.. body]) { Style = ContainerStyle.Emphasis },
        ])
    {
        Actions =
        [
            new ExecuteAction(texts.Findings_SendButton, sendVerb) { Data = data, Style = ActionStyle.Positive },
            new ExecuteAction(texts.Findings_EditButton, editVerb) { Data = data },
        ],
        FallbackText = fallback,
    };

    /// <summary>The findings themselves: what was asked, when they were shared, the results block, the two texts and the cited feedback.</summary>
    public static IEnumerable<CardElement> Body(Texts texts, string subject, Findings findings, IEnumerable<CardElement> results, IReadOnlyList<CitedFeedback> cited, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(findings);
        yield return new TextBlock(texts.Findings_Title) { Size = TextSize.Small, Weight = TextWeight.Bolder, IsSubtle = true, Style = TextBlockStyle.Heading };
        yield return CardText.UserText(subject);
        if (findings.SharedAt != DateTimeOffset.MinValue)
        {
            yield return new TextBlock(texts.Findings_SharedOn(PeopleTime.Moment(findings.SharedAt, timeZone, texts))) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
        }
        foreach (var element in results)
        {
            yield return element;
        }
        yield return new TextBlock(texts.Findings_Learned) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
        yield return CardText.UserText(findings.Learned);
        yield return new TextBlock(texts.Findings_Next) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
        yield return CardText.UserText(findings.NextSteps);
        if (cited.Count > 0)
        {
            yield return new TextBlock(texts.Findings_Cited) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
            foreach (var item in cited)
            {
                yield return new FactSet(new Fact(CardText.Escape(item.Id), texts.Findings_CitedItem(CardText.Escape(CardText.Truncate(item.Summary, 100)), item.Supporters))) { Spacing = Spacing.Small };
            }
        }
    }

    /// <summary>The line on the author's results card once findings are shared: when, and how far they got.</summary>
    public static TextBlock Status(Texts texts, Findings findings, FindingsReach reach, TimeZoneInfo timeZone) =>
        new(texts.Findings_Status(PeopleTime.Moment(findings.SharedAt, timeZone, texts), reach.Delivered, reach.Recipients)) { Wrap = true, Spacing = Spacing.Medium, Color = TextColor.Good };

    /// <summary>Said instead of the results when too few answered to show them.</summary>
    public static TextBlock Withheld(Texts texts, int minGroupSize) =>
        new(texts.Findings_ResultsWithheld(minGroupSize)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Medium };

    private static string? Clean(string? text) => text is null ? null : CardText.Clean(text);
}
