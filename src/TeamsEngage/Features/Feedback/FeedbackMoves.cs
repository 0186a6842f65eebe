using TeamsEngage.Storage;

namespace TeamsEngage.Features.Feedback;

/// <summary>A move asked for: the new state and what it needs (a target date for Planned, a reason for Declined, an item to merge into).</summary>
public sealed record FeedbackMove(FeedbackState To, DateOnly? TargetDate = null, string? Reason = null, string? MergeInto = null, string? AnsweredBy = null);

/// <summary>
/// Moves items through their states: checks the move, writes the audit row and the item (on its ETag), carries supporters
/// over on a merge, and has the outcome told to the raiser and the supporters.
/// </summary>
public sealed partial class FeedbackMoves(FeedbackStore store, FeedbackTeller teller, TimeProvider clock, ILogger<FeedbackMoves> logger)
{
    public const int MaxReason = 500;

    /// <summary>Carries out <paramref name="move"/> by <paramref name="actorKey"/>; the refusal is a resource key.</summary>
    public async Task<UpdateResult<FeedbackItem, FeedbackItem>> MoveAsync(string itemId, FeedbackMove move, string? actorKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = await store.ChangeAsync(itemId, current => Decide(current, move, now), actorKey, now, cancellationToken).ConfigureAwait(false);
        if (!result.Written || result.State is not { } changed)
        {
            return result;
        }
        LogMoved(logger, changed.Id, changed.State, changed.Version);
        if (changed.State == FeedbackState.Merged)
        {
            await CarryAsync(changed, changed.MergedInto!, cancellationToken).ConfigureAwait(false);
        }
        if (FeedbackItem.IsTold(changed.State))
        {
            await teller.TellAsync(changed, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>The item after the move, or the resource key of why it may not move so.</summary>
    public static Decision<FeedbackItem> Decide(FeedbackItem item, FeedbackMove move, DateTimeOffset now)
    {
        if (!item.MayMoveTo(move.To))
        {
            return Decision.Refuse<FeedbackItem>(Localization.TextKeys.Feedback_MoveNotFromHere);
        }
        var reason = move.Reason?.Trim();
        switch (move.To)
        {
            case FeedbackState.Planned when move.TargetDate is null:
                return Decision.Refuse<FeedbackItem>(Localization.TextKeys.Feedback_MoveNeedsDate);
            case FeedbackState.Declined when string.IsNullOrEmpty(reason) || reason.Length > MaxReason:
                return Decision.Refuse<FeedbackItem>(Localization.TextKeys.Feedback_MoveNeedsReason);
            case FeedbackState.Merged when string.IsNullOrEmpty(move.MergeInto) || string.Equals(move.MergeInto, item.Id, StringComparison.OrdinalIgnoreCase):
                return Decision.Refuse<FeedbackItem>(Localization.TextKeys.Feedback_MoveNeedsTarget);
        }
        return Decision.Write(item with
        {
            State = move.To,
            TargetDate = move.To == FeedbackState.Planned ? move.TargetDate : item.TargetDate,
            Reason = move.To == FeedbackState.Declined ? reason : item.Reason,
            MergedInto = move.To == FeedbackState.Merged ? move.MergeInto!.ToUpperInvariant() : null,
            AnsweredBy = move.AnsweredBy ?? item.AnsweredBy,
            Version = item.Version + 1,
            ChangedAt = now,
        });
    }

    // Followers become the target's supporters (a row each, so nobody counts twice); anonymous raisers move as a number, once per merged item.
    private async Task CarryAsync(FeedbackItem source, string targetId, CancellationToken cancellationToken)
    {
        const int page = 100;
        string? after = null;
        while (true)
        {
            var followers = await store.FollowersAsync(source.Id, after, page, cancellationToken).ConfigureAwait(false);
            foreach (var follower in followers)
            {
                await store.FollowAsync(targetId, follower with { Raiser = false }, cancellationToken).ConfigureAwait(false);
            }
            if (followers.Count < page)
            {
                break;
            }
            after = followers[^1].PersonKey;
        }
        await store.UpdateAsync(targetId, target => target.MergedFrom?.Contains(source.Id) == true
            ? Decision.Keep<FeedbackItem>()
            : Decision.Write(target with { MergedFrom = [.. target.MergedFrom ?? [], source.Id], UnnamedSupport = target.UnnamedSupport + source.UnnamedSupport }), cancellationToken).ConfigureAwait(false);
        await store.RecountAsync(targetId, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved feedback item {ItemId} to {State} (version {Version})")]
    private static partial void LogMoved(ILogger logger, string itemId, FeedbackState state, int version);
}
