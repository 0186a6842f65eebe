using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Bot;

/// <summary>Works out who is acting in a turn: their role and language.</summary>
public interface ICallerResolver
{
    /// <summary>The caller of the turn. Throws when the activity has no sender.</summary>
    Task<Caller> ResolveAsync(TurnContext turn, CancellationToken cancellationToken);
}
