using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Conversations;

/// <summary>Keeps every person's 1:1 conversation reference fresh from each activity they send in that chat.</summary>
public sealed class ConversationReferenceRecorder(ConversationReferenceStore references) : ITurnObserver
{
    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!activity.IsPersonal() || activity.From?.Id is not { Length: > 0 } userId || activity.Conversation?.Id is not { } conversationId)
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
        return references.RefreshAsync(reference, cancellationToken);
    }
}
