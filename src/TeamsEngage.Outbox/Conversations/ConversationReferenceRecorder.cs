using System.Text.Json;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Conversations;

/// <summary>
/// Keeps conversation references fresh from every authenticated activity: each person's 1:1 chat, and each Teams
/// channel the bot is used in (so features can post to a department's channel through the outbox).
/// </summary>
internal sealed class ConversationReferenceRecorder(ConversationReferenceStore references, ReferenceRefresher later) : ITurnObserver
{
    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { } conversationId)
        {
            return Task.CompletedTask;
        }
        if (ChannelOf(activity) is { } channelId)
        {
            var channel = new ConversationReference(
                ConversationReferenceStore.ChannelKey(channelId), null, null, activity.ServiceUrl!, channelId,
                activity.GetTenantId(), activity.Recipient?.Id, activity.GetLocale(), activity.GetTimeZone());
            return references.RefreshAsync(channel, cancellationToken);
        }
        // An uninstall must not leave a fresh reference behind: the handler of the uninstall deletes it.
        if (!activity.IsPersonal() || activity.From?.Id is not { Length: > 0 } userId || IsRemoval(activity))
        {
            return Task.CompletedTask;
        }
        var reference = new ConversationReference(
            userId,
            activity.From.AadObjectId,
            activity.From.Name,
            activity.ServiceUrl!,
            conversationId,
            activity.GetTenantId(),
            activity.Recipient?.Id,
            activity.GetLocale(),
            activity.GetTimeZone());
        // A card's button is pressed by someone the card was sent to: their reference is stored, so it is checked after
        // the invoke is answered. Everything else (an install, a first message) stores it before the turn goes on.
        return activity.Type == ActivityTypes.Invoke
            ? later.RefreshSoonAsync(reference, cancellationToken)
            : references.RefreshAsync(reference, cancellationToken);
    }

    private static bool IsRemoval(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate && string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase);

    /// <summary>The channel of a channel conversation: <c>channelData.channel.id</c>, else the conversation id without its thread.</summary>
    private static string? ChannelOf(Activity activity)
    {
        if (!string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
            && channel.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } channelId)
        {
            return channelId;
        }
        return activity.Conversation!.Id!.Split(';')[0];
    }
}
