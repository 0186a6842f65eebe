using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;

namespace TeamsEngage.People;

/// <summary>
/// Resolves the caller from the directory: role is the higher of the directory's and configuration's, language is the
/// person's choice, else their client's. One store read per turn (shared with the first-contact check) and no cache
/// across turns, so a role change applies on the next turn.
/// </summary>
public sealed class DirectoryCallerResolver(PeopleDirectory directory, TurnPersonRecord sender) : ICallerResolver
{
    public async Task<Caller> ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var from = turn.Activity.From ?? throw new InvalidOperationException("The activity has no sender.");
        var userId = from.Id ?? throw new InvalidOperationException("The activity has no sender.");
        var person = from.AadObjectId is { Length: > 0 } oid
            ? (await sender.FindAsync(PeopleRows.KeyForObjectId(oid), cancellationToken).ConfigureAwait(false))?.Person
            : await directory.FindByUserIdAsync(userId, cancellationToken).ConfigureAwait(false);
        var configuredAdmin = directory.IsConfiguredAdministrator(from.AadObjectId, person?.Email);
        var role = configuredAdmin ? Role.Administrator : person?.Role ?? Role.Member;
        return new Caller(
            userId,
            from.AadObjectId,
            from.Name,
            role,
            Texts.For(person?.Language, turn.Activity.GetLocale()),
            person?.Key ?? (from.AadObjectId is { Length: > 0 } id ? PeopleRows.KeyForObjectId(id) : null),
            person?.DepartmentCode);
    }
}
