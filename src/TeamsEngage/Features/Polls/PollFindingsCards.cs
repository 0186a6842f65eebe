using TeamsEngage.Asking;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Polls;

/// <summary>The findings of a closed poll: the author's composer and preview, and the card its audience receives.</summary>
public static class PollFindingsCards
{
    /// <summary>What was learned and what happens next, with the results when the author includes them.</summary>
    public static AdaptiveCard Composer(Poll poll, Texts texts, string? error, FindingsData? previous) =>
        FindingsCards.Composer(texts, poll.Spec.Question, error, previous?.Form, PollVerbs.FindingsPreview, new FindingsData(poll.Id));

    /// <summary>The findings as they will arrive, how many people they go to, and Send (carrying what was written).</summary>
    public static AdaptiveCard Preview(Poll poll, Findings findings, PollResults? shown, IReadOnlyList<CitedFeedback> cited, int audience, int minGroupSize, Texts texts, TimeZoneInfo timeZone) =>
        FindingsCards.Preview(
            texts,
            texts.Poll_Findings_PreviewTitle(audience),
            Body(poll, findings, shown, cited, minGroupSize, texts, timeZone),
            PollVerbs.FindingsSend,
            PollVerbs.Findings,
            FindingsData.Of(poll.Id, FindingsRules.FormOf(findings)),
            texts.Poll_Findings_Notification);

    /// <summary>The card the poll's audience receives.</summary>
    public static AdaptiveCard Findings(Poll poll, Findings findings, PollResults? shown, IReadOnlyList<CitedFeedback> cited, int minGroupSize, Texts texts, TimeZoneInfo timeZone) =>
        new([.. Body(poll, findings, shown, cited, minGroupSize, texts, timeZone)]) { FallbackText = texts.Poll_Findings_Notification };

    private static IEnumerable<CardElement> Body(Poll poll, Findings findings, PollResults? shown, IReadOnlyList<CitedFeedback> cited, int minGroupSize, Texts texts, TimeZoneInfo timeZone) =>
        FindingsCards.Body(texts, poll.Spec.Question, findings, shown is null ? [] : ResultsOf(poll, shown, minGroupSize, texts), cited, timeZone);

    private static IEnumerable<CardElement> ResultsOf(Poll poll, PollResults shown, int minGroupSize, Texts texts) =>
        shown.Tally is not { } tally
            ? [FindingsCards.Withheld(texts, minGroupSize)]
            :
            [
                new TextBlock(texts.Findings_Answered(tally.Voters)) { Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
                .. PollCards.Results(poll, tally, texts),
            ];
}
