using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Feedback;

/// <summary>What other features may do with feedback items: cite them, and plan them when something they do answers them.</summary>
public sealed class FeedbackOutcomes(FeedbackStore store, FeedbackMoves moves, FeedbackTicketLinks links) : IFeedbackOutcomes
{
    public async Task<CitedFeedback?> FindAsync(string itemId, CancellationToken cancellationToken) =>
        await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false) is { } item
            ? new CitedFeedback(item.Id, CardText.Truncate(item.Text, 120), item.IsOpen, item.Supporters)
            : null;

    public async Task<int> PlanAnsweredAsync(IReadOnlyList<string> itemIds, string answeredBy, DateOnly targetDate, string? actorKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var moved = 0;
        foreach (var id in itemIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // Only items not planned yet: a notice sent again, or an item someone planned meanwhile, is left as it is.
            if (await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { State: FeedbackState.New or FeedbackState.UnderReview } item)
            {
                continue;
            }
            var result = await moves.MoveAsync(item.Id, new FeedbackMove(FeedbackState.Planned, targetDate, AnsweredBy: answeredBy), actorKey, cancellationToken).ConfigureAwait(false);
            moved += result.Written ? 1 : 0;
        }
        return moved;
    }

    public IReadOnlyList<Choice> Kinds(Texts texts) =>
        [.. Enum.GetValues<FeedbackKind>().Select(k => new Choice(FeedbackCards.KindText(k, texts), k.ToString()))];

    public Task<FeedbackLogging> LogFromTicketAsync(FeedbackFromTicket request, Texts texts, CancellationToken cancellationToken) =>
        links.LogFromTicketAsync(request, texts, cancellationToken);
}
