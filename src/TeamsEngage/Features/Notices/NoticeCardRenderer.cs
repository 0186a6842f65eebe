using System.Text.Json;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Renders <c>notice.card</c> at send time from the stored notice, in the recipient's language and time zone.
/// A notice cancelled before a person's turn came is skipped; an update after cancelling shows the cancelled card.
/// </summary>
public sealed class NoticeCardRenderer(NoticeStore notices, NoticeAcknowledgements acks, IPeopleDirectory directory) : IOutboxRenderer
{
    public string Kind => NoticeVerbs.CardKind;

    public async Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken)
    {
        var payload = Read(context.Payload);
        var notice = payload is null ? null : await notices.FindAsync(payload.NoticeId, cancellationToken).ConfigureAwait(false);
        if (notice is null || notice.State == NoticeState.Draft || (notice.State == NoticeState.Cancelled && !context.IsUpdate))
        {
            return null;
        }
        var person = context.PersonKey is null ? null : await directory.FindAsync(context.PersonKey, cancellationToken).ConfigureAwait(false);
        var texts = Texts.For(person?.Language, context.Recipient.Locale);
        var ack = await acks.FindAsync(notice.Id, context.Recipient.UserId, cancellationToken).ConfigureAwait(false);
        var card = NoticeCards.Notice(notice, texts, context.Recipient.TimeZone, new NoticeView(ack?.At, payload!.Reminder));
        return new RenderedMessage(card, null, NoticeCards.Summary(notice, texts));
    }

    public Task OnDeliveredAsync(DeliveredContext context, CancellationToken cancellationToken)
    {
        var payload = Read(context.Payload);
        return payload is null
            ? Task.CompletedTask
            : acks.RecordDeliveryAsync(payload.NoticeId, new NoticeRecipient(context.RecipientUserId, context.ConversationId, context.ActivityId), cancellationToken);
    }

    private static NoticePayload? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<NoticePayload>(payload, NoticePayloadJson.Options) is { NoticeId.Length: > 0 } p ? p : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
