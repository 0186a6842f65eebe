using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Hosting;
using TeamsEngage.Localization;

namespace TeamsEngage.People;

/// <summary>Resolves callers from the bootstrap administrators in configuration; everyone else is a member.</summary>
public sealed class ConfiguredCallerResolver(IOptions<TeamsEngageOptions> options) : ICallerResolver
{
    public Task<Caller> ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From ?? throw new InvalidOperationException("The activity has no sender.");
        var isAdmin = from.AadObjectId is { } oid && options.Value.Administrators.Contains(oid, StringComparer.OrdinalIgnoreCase);
        var caller = new Caller(from.Id!, from.AadObjectId, from.Name, isAdmin ? Role.Administrator : Role.Member, Texts.For(null, turn.Activity.GetLocale()));
        return Task.FromResult(caller);
    }
}
