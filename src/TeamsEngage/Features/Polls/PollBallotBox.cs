using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Reporting;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// The voter's buttons. The voter is who Teams says sent the invoke, never the card's data: a closed poll, a poll not
/// sent to the caller or an unknown option is refused and nothing is written. (A card rendered for someone else was
/// already refused by <see cref="PollBallotAccess"/>.)
/// </summary>
public sealed class PollBallotBox(PollRecipientRoll recipients, VoteStore votes, PersonalPollView view, TimeProvider clock, IOptions<PollsOptions> options, AskFigures figures)
{
    /// <summary>A vote (Action.Execute); answers with the voter's card showing their choice.</summary>
    public async Task<CardActionResult> VoteAsync(PollBallot ballot, CardAction<VoteData> action, CancellationToken cancellationToken)
    {
        var (poll, secret) = ballot;
        var texts = action.Texts;
        if (!poll.IsOpenAt(clock.GetUtcNow()) || (poll.Spec.Anonymous && secret is null))
        {
            return CardActionResult.WithMessage(texts.Poll_Refused_Closed);
        }
        var recipient = await recipients.FindAsync(poll, action.Caller.UserId, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            return CardActionResult.WithMessage(texts.Poll_Refused_NotSent);
        }
        if (ReadChoices(action.Data.Choice, poll) is not { } choices)
        {
            return CardActionResult.WithMessage(texts.Poll_Refused_BadOption);
        }
        var comment = poll.Spec.AllowComment && !string.IsNullOrWhiteSpace(action.Data.Comment) ? Truncate(action.Data.Comment.Trim()) : null;
        var vote = PollDisclosure.VoteOf(poll, recipient, choices, comment, action.Caller.Name);
        var voterKey = VoteStore.VoterKey(poll, secret, action.Caller.UserId);
        if (await votes.CastAsync(poll.Id, voterKey, vote, poll.Spec.Anonymous ? null : recipient, cancellationToken).ConfigureAwait(false))
        {
            figures.Answered(AskArea.Polls, poll.Id, recipient.DepartmentCode, recipient.Role, clock.GetUtcNow());
        }
        var live = PollDisclosure.VotersMaySee(poll)
            ? PollDisclosure.ForVoters(poll, await votes.RecentTallyAsync(poll, cancellationToken).ConfigureAwait(false), options.Value.MinGroupSize)
            : null;
        return CardActionResult.WithCard(PollCards.Voted(poll, action.Caller.UserId, vote, live, texts, ZoneOf(action)));
    }

    /// <summary>
    /// The caller's own view of the poll: the ballot with their choice selected ("Change my vote", <paramref name="editing"/>),
    /// or what they should see now (the refresh Teams runs on their other devices).
    /// </summary>
    public async Task<CardActionResult> ShowAsync(PollBallot ballot, CardActionContext action, bool editing, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(await view.ForAsync(ballot, action.Caller.UserId, action.Texts, ZoneOf(action), editing, cancellationToken).ConfigureAwait(false));

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

    private static TimeZoneInfo ZoneOf(CardActionContext action) => PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());

    private static string Truncate(string comment) => comment.Length <= PollLimits.MaxCommentLength ? comment : comment[..PollLimits.MaxCommentLength];
}
