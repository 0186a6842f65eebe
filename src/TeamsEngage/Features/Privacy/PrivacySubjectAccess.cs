using TeamsEngage.Bot;
using TeamsEngage.People;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// Finds the person a privacy card names. The directory is scoped to the administrator's tenant, so a key of another
/// tenant's person (or a forged one) finds nobody; the role is checked by the table.
/// </summary>
public sealed class PrivacySubjectAccess(IPeopleDirectory directory) : IEntityAccess<Person>
{
    public async Task<EntityAccess<Person>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken) =>
        await directory.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } person
            ? EntityAccess.Granted(person)
            : EntityAccess.Missing<Person>();
}
