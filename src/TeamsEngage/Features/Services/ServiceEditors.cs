using TeamsEngage.Bot;
using TeamsEngage.Catalogue;
using TeamsEngage.People;

namespace TeamsEngage.Features.Services;

/// <summary>Who may change a service: the administrators, and the liaison of the service's owner department.</summary>
public sealed class ServiceEditors(IPeopleDirectory directory)
{
    public async Task<bool> MayEditAsync(Caller caller, CatalogueService service, CancellationToken cancellationToken)
    {
        if (caller.Has(Role.Administrator))
        {
            return true;
        }
        if (!caller.Has(Role.Liaison) || caller.PersonKey is not { } person || service.OwnerDepartment is not { } owner)
        {
            return false;
        }
        var department = await directory.FindDepartmentAsync(owner, cancellationToken).ConfigureAwait(false);
        return department?.LiaisonKey is { } liaison && string.Equals(liaison, person, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Finds the service a card names; the verbs that change it are for its editors only.</summary>
public sealed class ServiceAccess(ServiceCatalogue catalogue, ServiceEditors editors) : IEntityAccess<CatalogueService>
{
    public async Task<EntityAccess<CatalogueService>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        var service = await catalogue.FindAsync(id.Trim().ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        if (service is null)
        {
            return EntityAccess.Missing<CatalogueService>();
        }
        return !ServiceVerbs.Changes(context.Verb) || await editors.MayEditAsync(context.Caller, service, cancellationToken).ConfigureAwait(false)
            ? EntityAccess.Granted(service)
            : EntityAccess.Refused<CatalogueService>();
    }
}
