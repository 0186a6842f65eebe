using TeamsEngage.People;

namespace TeamsEngage.Catalogue;

/// <summary>The services a person follows, for the administrators' export and erasure. Edits are in the directory's audit.</summary>
public sealed class CataloguePersonalData(ServiceCatalogue catalogue) : IPersonalData
{
    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var followed = await catalogue.FollowedByAsync(subject.PersonKey, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PersonalDataSection("serviceFollows", [.. followed.Select(id => new Dictionary<string, string?> { ["service"] = id })]);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var followed = await catalogue.FollowedByAsync(subject.PersonKey, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in followed)
        {
            await catalogue.UnfollowAsync(id, subject.PersonKey, cancellationToken).ConfigureAwait(false);
        }
        return followed.Count;
    }
}
