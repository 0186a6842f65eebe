using Microsoft.Extensions.Options;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Polls;

/// <summary>Builds the card a given person should see for a poll now: ballot, their vote, or the closed poll.</summary>
public sealed class PersonalPollView(PollStore polls, VoteStore votes, TimeProvider clock, IOptions<PollsOptions> options)
{
    /// <summary>The card for <paramref name="userId"/>, or null when the poll is unknown or still a draft.</summary>
    public async Task<AdaptiveCard?> ForAsync(string pollId, string userId, Texts texts, TimeZoneInfo timeZone, bool editing, CancellationToken cancellationToken)
    {
        var (poll, secret) = await polls.FindForVotingAsync(pollId, cancellationToken).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return null;
        }
        return await ForAsync(new PollBallot(poll, secret), userId, texts, timeZone, editing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The card for <paramref name="userId"/> of a sent poll.</summary>
    public async Task<AdaptiveCard> ForAsync(PollBallot ballot, string userId, Texts texts, TimeZoneInfo timeZone, bool editing, CancellationToken cancellationToken)
    {
        var poll = ballot.Poll;
        var vote = await CurrentVoteAsync(poll, ballot.Secret, userId, cancellationToken).ConfigureAwait(false);
        if (!poll.IsOpenAt(clock.GetUtcNow()))
        {
            var closed = poll with { Status = PollStatus.Closed };
            return PollCards.Closed(closed, vote, await ResultsForVotersAsync(closed, cancellationToken).ConfigureAwait(false), texts, timeZone);
        }
        if (vote is null || editing)
        {
            return PollCards.Ballot(poll, userId, texts, timeZone, vote);
        }
        return PollCards.Voted(poll, userId, vote, await ResultsForVotersAsync(poll, cancellationToken).ConfigureAwait(false), texts, timeZone);
    }

    /// <summary>Whether the person has voted (false once an anonymous poll's secret is gone).</summary>
    public async Task<bool> HasVotedAsync(string pollId, string userId, CancellationToken cancellationToken)
    {
        var (poll, secret) = await polls.FindForVotingAsync(pollId, cancellationToken).ConfigureAwait(false);
        return poll is not null && await CurrentVoteAsync(poll, secret, userId, cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task<PollTally?> ResultsForVotersAsync(Poll poll, CancellationToken cancellationToken) =>
        PollDisclosure.VotersMaySee(poll)
            ? PollDisclosure.ForVoters(poll, await votes.RecentTallyAsync(poll, cancellationToken).ConfigureAwait(false), options.Value.MinGroupSize)
            : null;

    private Task<Vote?> CurrentVoteAsync(Poll poll, byte[]? secret, string userId, CancellationToken cancellationToken) =>
        poll.Spec.Anonymous && secret is null
            ? Task.FromResult<Vote?>(null)
            : votes.FindAsync(poll.Id, VoteStore.VoterKey(poll, secret, userId), cancellationToken);
}
