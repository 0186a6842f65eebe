using TeamsEngage.Bot;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Reports;

/// <summary>Who is looking, read from the directory at each request: their language and the departments they may see.</summary>
/// <param name="Departments">The department codes they see; null for an administrator, who sees the district.</param>
public sealed record ReportViewer(ReportIdentity Identity, string? Name, Texts Texts, IReadOnlySet<string>? Departments)
{
    public bool SeesDistrict => Departments is null;
}

/// <summary>
/// Turns a signed-in identity into a viewer, as the directory says now (a role removed takes effect at the next page):
/// administrators see everything, liaisons (and backups) their departments, anyone else nothing.
/// </summary>
public sealed class ReportViewers(PeopleDirectory directory)
{
    /// <summary>The viewer, or null when the person may not see reports. Call inside the identity's tenant scope.</summary>
    public async Task<ReportViewer?> ResolveAsync(ReportIdentity identity, CancellationToken cancellationToken)
    {
        var person = await FindAsync(identity, cancellationToken).ConfigureAwait(false);
        var texts = Texts.For(person?.Language);
        if (directory.IsConfiguredAdministrator(identity.AadObjectId, person?.Email) || person?.Role == Role.Administrator)
        {
            return new ReportViewer(identity, person?.Name, texts, null);
        }
        if (person is not { Role: Role.Liaison })
        {
            return null;
        }
        var departments = (await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
            .Where(d => d.LiaisonKey == person.Key || d.BackupKey == person.Key)
            .Select(d => d.Code.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return new ReportViewer(identity, person.Name, texts, departments);
    }

    /// <summary>The language of someone signed in who may not see reports: theirs in the directory, else <paramref name="browser"/>'s.</summary>
    public async Task<Texts> TextsOfAsync(ReportIdentity identity, string browser, CancellationToken cancellationToken) =>
        Texts.For((await FindAsync(identity, cancellationToken).ConfigureAwait(false))?.Language is { Length: > 0 } language ? language : browser);

    private async Task<Person?> FindAsync(ReportIdentity identity, CancellationToken cancellationToken) =>
        identity.AadObjectId is { Length: > 0 } oid
            ? (await directory.FindRecordAsync(PeopleRows.KeyForObjectId(oid), cancellationToken).ConfigureAwait(false))?.Person
            : await directory.FindByUserIdAsync(identity.UserId, cancellationToken).ConfigureAwait(false);
}
