using TeamsEngage.Bot;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Who may act on a poll as its author. Card data can be forged, so every author button is checked here: the author
/// may edit, discard, send, remind, see results, close and share findings; any administrator may also read anyone's
/// results (the same suppressed view), but nothing else. A draft is not there for the verbs of a sent poll.
/// </summary>
public sealed class PollAuthorAccess(PollStore polls) : IEntityAccess<Poll>
{
    public async Task<EntityAccess<Poll>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        var poll = await polls.FindAsync(id, cancellationToken).ConfigureAwait(false);
        var draftVerb = context.Verb is PollVerbs.Send or PollVerbs.Edit or PollVerbs.Revise or PollVerbs.Discard;
        if (poll is null || (poll.Status == PollStatus.Draft && !draftVerb))
        {
            return EntityAccess.Missing<Poll>();
        }
        var isAuthor = string.Equals(poll.AuthorUserId, context.Caller.UserId, StringComparison.Ordinal);
        // Administrators may look; closing, reminding and findings speak for the author, so only the author does them.
        var administratorMay = context.Verb == PollVerbs.Results && context.Caller.Has(Role.Administrator);
        return isAuthor || administratorMay ? EntityAccess.Granted(poll) : EntityAccess.NotYours<Poll>();
    }
}

/// <summary>A sent poll as a voter's card sees it: the definition and, while it is open, the voter-key secret.</summary>
public sealed record PollBallot(Poll Poll, byte[]? Secret);

/// <summary>
/// The poll a voter's card names. The card carries the user it was rendered for; a card pressed by anyone else (a
/// forwarded card, forged data) is not theirs, whatever the poll.
/// </summary>
public sealed class PollBallotAccess(PollStore polls) : IEntityAccess<PollBallot>
{
    public async Task<EntityAccess<PollBallot>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        var (poll, secret) = await polls.FindForVotingAsync(id, cancellationToken).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return EntityAccess.Missing<PollBallot>();
        }
        var renderedFor = CardData.Bind<PollRef>(context.RawData)?.For;
        return renderedFor is null || renderedFor == context.Caller.UserId
            ? EntityAccess.Granted(new PollBallot(poll, secret))
            : EntityAccess.NotYours<PollBallot>();
    }
}
