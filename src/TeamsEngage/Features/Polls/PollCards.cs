using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Polls;

/// <summary>The cards voters see: the poll, their vote (with live results when allowed), and the closed poll.</summary>
public static class PollCards
{
    public const string ChoiceInput = "choice";
    public const string CommentInput = "comment";

    /// <summary>The poll as a recipient sees it; with <paramref name="current"/>, the form to change that vote.</summary>
    public static AdaptiveCard Ballot(Poll poll, string recipientUserId, Texts texts, TimeZoneInfo timeZone, Vote? current = null)
    {
        var data = new VoteData(poll.Id, recipientUserId);
        return new AdaptiveCard([.. Header(poll, texts, timeZone), .. BallotInputs(poll, texts, current)])
        {
            Actions = [new ExecuteAction(texts[current is null ? TextKeys.Poll_Vote : TextKeys.Poll_SaveVote], PollVerbs.Vote) { Data = data, Style = ActionStyle.Positive }],
            FallbackText = texts.Poll_Title,
        };
    }

    /// <summary>The card of someone who voted: their choice, the results when allowed, and "Change my vote".</summary>
    public static AdaptiveCard Voted(Poll poll, string voterUserId, Vote vote, PollTally? liveResults, Texts texts, TimeZoneInfo timeZone) =>
        new([.. Header(poll, texts, timeZone), .. YourChoice(poll, vote, texts), .. ResultsOrNothing(poll, liveResults, texts)])
        {
            Actions = [new ExecuteAction(texts.Poll_ChangeVote, PollVerbs.ChangeVote) { Data = new PollRef(poll.Id, voterUserId) }],
            Refresh = new CardRefresh(new ExecuteAction(texts.Poll_Title, PollVerbs.Refresh) { Data = new PollRef(poll.Id, voterUserId) }) { UserIds = [voterUserId] },
            FallbackText = texts.Poll_Title,
        };

    /// <summary>The closed poll: the person's choice when still known, and the results unless the author keeps them.</summary>
    public static AdaptiveCard Closed(Poll poll, Vote? vote, PollTally? results, Texts texts, TimeZoneInfo timeZone) =>
        new([
            .. Header(poll, texts, timeZone),
            .. vote is null ? [] : YourChoice(poll, vote, texts),
            .. poll.Spec.Results == ResultsVisibility.Never ? []
                : results is not null ? Results(poll, results, texts)
                : [new TextBlock(texts.Poll_ResultsWithheldClosed) { IsSubtle = true, Wrap = true, Spacing = Spacing.Medium }],
        ])
        {
            FallbackText = texts.Poll_Title,
        };

    /// <summary>The poll's title, question and closing time.</summary>
    internal static IEnumerable<CardElement> Header(Poll poll, Texts texts, TimeZoneInfo timeZone)
    {
        yield return new TextBlock(texts.Poll_Title) { Size = TextSize.Small, Weight = TextWeight.Bolder, IsSubtle = true, Style = TextBlockStyle.Heading };
        yield return CardText.UserText(poll.Spec.Question);
        var closing = poll.Status == PollStatus.Closed
            ? texts.Poll_IsClosed
            : texts.Poll_ClosesAt(PeopleTime.FullDateWithZone(poll.Spec.ClosesAt, timeZone, texts));
        yield return new TextBlock(closing) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
        if (poll.Spec.Anonymous)
        {
            yield return new TextBlock(texts.Poll_AnonymousNote) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
        }
    }

    /// <summary>Per option: its text with the count and share beside it, then its bar across the card.</summary>
    internal static IEnumerable<CardElement> Results(Poll poll, PollTally tally, Texts texts)
    {
        var heading = tally.Voters == 1 ? texts.Poll_ResultsHeadingOne : texts.Poll_ResultsHeading(tally.Voters);
        yield return new TextBlock(heading) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium, Separator = true };
        for (var i = 0; i < poll.Spec.Options.Count; i++)
        {
            yield return new ColumnSet(
                new Column(new TextBlock(CardText.Escape(poll.Spec.Options[i])) { Wrap = true }) { Width = ColumnWidth.Stretch },
                new Column(new TextBlock(texts.Poll_CountAndPercent(tally.Counts[i], tally.PercentOf(i))) { HorizontalAlignment = HorizontalAlignment.Right, Weight = TextWeight.Bolder }) { Width = ColumnWidth.Auto })
            {
                Spacing = Spacing.Medium,
            };
            yield return PollFormat.Bar(tally.PercentOf(i));
        }
    }

    private static IEnumerable<CardElement> ResultsOrNothing(Poll poll, PollTally? tally, Texts texts) =>
        poll.Spec.Results == ResultsVisibility.Live && tally is not null
            ? Results(poll, tally, texts)
            : [new TextBlock(texts[poll.Spec.Results == ResultsVisibility.Never ? TextKeys.Poll_ResultsNever : TextKeys.Poll_ResultsAfterClose]) { IsSubtle = true, Wrap = true, Spacing = Spacing.Medium }];

    private static IEnumerable<CardElement> YourChoice(Poll poll, Vote vote, Texts texts)
    {
        var chosen = vote.Choices.Where(c => c < poll.Spec.Options.Count).Select(c => poll.Spec.Options[c]);
        yield return new TextBlock(texts.Poll_YourChoice) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        yield return CardText.UserText(string.Join(", ", chosen));
        if (!string.IsNullOrEmpty(vote.Comment))
        {
            yield return CardText.UserText(vote.Comment, PollLimits.MaxCommentLength, italic: true, isSubtle: true);
        }
    }

    private static IEnumerable<CardElement> BallotInputs(Poll poll, Texts texts, Vote? current)
    {
        var choices = poll.Spec.Options.Select((o, i) => new Choice(CardText.Clean(o), i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        yield return new ChoiceSetInput(ChoiceInput, choices)
        {
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = poll.Spec.MultipleChoice ? true : null,
            IsRequired = true,
            Label = texts[poll.Spec.MultipleChoice ? TextKeys.Poll_ChooseMany : TextKeys.Poll_ChooseOne],
            ErrorMessage = texts.Poll_ChooseError,
            Value = current is null ? null : string.Join(',', current.Choices),
            Wrap = true,
        };
        if (poll.Spec.AllowComment)
        {
            yield return new TextInput(CommentInput)
            {
                Label = texts.Poll_CommentLabel,
                IsMultiline = true,
                MaxLength = PollLimits.MaxCommentLength,
                Value = current?.Comment is { } c ? CardText.Clean(c) : null,
            };
        }
    }
}
