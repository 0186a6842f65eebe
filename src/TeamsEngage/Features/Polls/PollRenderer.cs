using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Polls;

/// <summary>Renders <c>poll.card</c> at send time (the ballot; after closing, the closed poll) in the recipient's language.</summary>
public sealed class PollCardRenderer(PersonalPollView view, IPeopleDirectory directory) : OutboxRenderer<PollPayload>
{
    public override string Kind => PollService.CardKind;

    protected override async Task<RenderedMessage?> RenderAsync(PollPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (payload.PollId is not { Length: > 0 } pollId)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var card = await view.ForAsync(pollId, context.Recipient.UserId, texts, PeopleTime.ZoneOrUtc(context.Recipient.TimeZone), editing: false, cancellationToken).ConfigureAwait(false);
        return card is null ? null : new RenderedMessage(card, null, texts.Poll_Notification);
    }
}

/// <summary>Renders <c>poll.reminder</c>: the ballot again, but only for recipients who have not voted and while the poll is open.</summary>
public sealed class PollReminderRenderer(PersonalPollView view, PollStore polls, TimeProvider clock, IPeopleDirectory directory) : OutboxRenderer<PollPayload>
{
    public override string Kind => PollService.ReminderKind;

    protected override async Task<RenderedMessage?> RenderAsync(PollPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (payload.PollId is not { Length: > 0 } pollId)
        {
            return null;
        }
        var (poll, _) = await polls.FindForVotingAsync(pollId, cancellationToken).ConfigureAwait(false);
        if (poll is null || !poll.IsOpenAt(clock.GetUtcNow()) || await view.HasVotedAsync(pollId, context.Recipient.UserId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var card = PollCards.Ballot(poll, context.Recipient.UserId, texts, PeopleTime.ZoneOrUtc(context.Recipient.TimeZone));
        return new RenderedMessage(card, null, texts.Poll_ReminderNotification);
    }
}
