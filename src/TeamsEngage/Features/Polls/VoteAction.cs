using TeamsEngage.Localization;
using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// A vote (Action.Execute). The voter is who Teams says sent the invoke, never the card's data: a card rendered for
/// someone else, a poll not sent to the caller, a closed poll or an unknown option is refused and nothing is written.
/// </summary>
public sealed class VoteAction(PollStore polls, VoteStore votes, TimeProvider clock) : ICardAction
{
    public string Verb => PollVerbs.Vote;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var data = context.DataAs<VoteData>();
        if (data?.PollId is null)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_Unknown"]);
        }
        var (poll, secret) = await polls.FindForVotingAsync(data.PollId, cancellationToken).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_Unknown"]);
        }
        if (data.For is not null && data.For != context.Caller.UserId)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_NotYours"]);
        }
        if (!poll.IsOpenAt(clock.GetUtcNow()) || (poll.Spec.Anonymous && secret is null))
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_Closed"]);
        }
        var recipient = await polls.FindRecipientAsync(poll.Id, context.Caller.UserId, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_NotSent"]);
        }
        if (ReadChoices(data.Choice, poll) is not { } choices)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_BadOption"]);
        }
        var comment = poll.Spec.AllowComment && !string.IsNullOrWhiteSpace(data.Comment) ? Truncate(data.Comment.Trim()) : null;
        var vote = new Vote(choices, comment, recipient.DepartmentCode, recipient.Role, poll.Spec.Anonymous ? null : context.Caller.Name);
        await votes.CastAsync(poll.Id, VoteStore.VoterKey(poll, secret, context.Caller.UserId), vote, poll.Spec.Anonymous ? null : recipient, cancellationToken).ConfigureAwait(false);
        var live = poll.Spec.Results == ResultsVisibility.Live ? await votes.RecentTallyAsync(poll, cancellationToken).ConfigureAwait(false) : null;
        return CardActionResult.WithCard(PollCards.Voted(poll, context.Caller.UserId, vote, live, texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone())));
    }

    /// <summary>The chosen option indexes, or null when any is unknown, none is chosen, or several are for a single-choice poll.</summary>
    internal static IReadOnlyList<int>? ReadChoices(string? value, Poll poll)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var choices = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= poll.Spec.Options.Count || choices.Contains(index))
            {
                return null;
            }
            choices.Add(index);
        }
        return choices.Count == 0 || (!poll.Spec.MultipleChoice && choices.Count > 1) ? null : choices;
    }

    private static string Truncate(string comment) => comment.Length <= Polls.PollLimits.MaxCommentLength ? comment : comment[..Polls.PollLimits.MaxCommentLength];
}
