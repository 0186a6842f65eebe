using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// Renders one outcome for one follower at send time, in their language: the change of that version from the item's
/// audit, so an item that moved on since still tells each step as it was.
/// </summary>
public sealed class FeedbackOutcomeRenderer(FeedbackStore store, IPeopleDirectory directory) : OutboxRenderer<OutcomePayload>
{
    public override string Kind => FeedbackOutboxKinds.Outcome;

    protected override async Task<RenderedMessage?> RenderAsync(OutcomePayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(payload.ItemId, cancellationToken).ConfigureAwait(false) is not { } item
            || (await store.ChangesAsync(item.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Version == payload.Version) is not { } change
            || !FeedbackItem.IsTold(change.To))
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        return new RenderedMessage(FeedbackCards.Outcome(texts, item, change), null, texts.Feedback_OutcomeSummary(item.Id));
    }
}
