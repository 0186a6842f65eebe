using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// Answers <c>installationUpdate</c>: an install in a 1:1 chat is welcomed, an uninstall marks the person as left so
/// nothing more is sent to them.
/// </summary>
public sealed class Installations(Welcomer welcomer, Departures departures) : IActivityHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.IsPersonal() && string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase)
            && activity.From?.Id is { Length: > 0 } userId && activity.Conversation?.Id is { } conversationId)
        {
            return departures.LeaveAsync(userId, activity.From.AadObjectId, conversationId, cancellationToken);
        }
        return welcomer.HandleAsync(turn, cancellationToken);
    }
}
