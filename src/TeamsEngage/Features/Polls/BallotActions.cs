using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Polls;

/// <summary>Builds the card a given person should see for a poll now: ballot, their vote, or the closed poll.</summary>
public sealed class PersonalPollView(PollStore polls, VoteStore votes, TimeProvider clock)
{
    /// <summary>The card for <paramref name="userId"/>, or null when the poll is unknown or still a draft.</summary>
    public async Task<Cards.AdaptiveCard?> ForAsync(string pollId, string userId, Localization.Texts texts, TimeZoneInfo timeZone, bool editing, CancellationToken cancellationToken)
    {
        var (poll, secret) = await polls.FindForVotingAsync(pollId, cancellationToken).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return null;
        }
        var vote = await CurrentVoteAsync(poll, secret, userId, cancellationToken).ConfigureAwait(false);
        if (!poll.IsOpenAt(clock.GetUtcNow()))
        {
            var results = poll.Spec.Results == ResultsVisibility.Never ? null : await votes.RecentTallyAsync(poll, cancellationToken).ConfigureAwait(false);
            return PollCards.Closed(poll with { Status = PollStatus.Closed }, vote, results, texts, timeZone);
        }
        if (vote is null || editing)
        {
            return PollCards.Ballot(poll, userId, texts, timeZone, vote);
        }
        var live = poll.Spec.Results == ResultsVisibility.Live ? await votes.RecentTallyAsync(poll, cancellationToken).ConfigureAwait(false) : null;
        return PollCards.Voted(poll, userId, vote, live, texts, timeZone);
    }

    /// <summary>Whether the person has voted (false once an anonymous poll's secret is gone).</summary>
    public async Task<bool> HasVotedAsync(string pollId, string userId, CancellationToken cancellationToken)
    {
        var (poll, secret) = await polls.FindForVotingAsync(pollId, cancellationToken).ConfigureAwait(false);
        return poll is not null && await CurrentVoteAsync(poll, secret, userId, cancellationToken).ConfigureAwait(false) is not null;
    }

    private Task<Vote?> CurrentVoteAsync(Poll poll, byte[]? secret, string userId, CancellationToken cancellationToken) =>
        poll.Spec.Anonymous && secret is null
            ? Task.FromResult<Vote?>(null)
            : votes.FindAsync(poll.Id, VoteStore.VoterKey(poll, secret, userId), cancellationToken);
}

/// <summary>"Change my vote": the ballot again, with the current choice selected.</summary>
public sealed class ChangeVoteAction(PersonalPollView view) : ICardAction
{
    public string Verb => PollVerbs.ChangeVote;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        PollCardActions.ShowAsync(view, context, editing: true, cancellationToken);
}

/// <summary>The refresh Teams runs for the voter on their other devices: their personal view.</summary>
public sealed class RefreshPollAction(PersonalPollView view) : ICardAction
{
    public string Verb => PollVerbs.Refresh;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        PollCardActions.ShowAsync(view, context, editing: false, cancellationToken);
}

internal static class PollCardActions
{
    public static async Task<CardActionResult> ShowAsync(PersonalPollView view, CardActionContext context, bool editing, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var data = context.DataAs<PollRef>();
        if (data?.PollId is null)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_Unknown"]);
        }
        if (data.For is not null && data.For != context.Caller.UserId)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_NotYours"]);
        }
        var card = await view.ForAsync(data.PollId, context.Caller.UserId, texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()), editing, cancellationToken).ConfigureAwait(false);
        return card is null ? CardActionResult.WithMessage(texts["Poll_Refused_Unknown"]) : CardActionResult.WithCard(card);
    }
}
