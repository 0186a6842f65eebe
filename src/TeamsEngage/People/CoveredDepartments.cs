namespace TeamsEngage.People;

/// <summary>The departments a person covers as their IT liaison or backup.</summary>
public static class CoveredDepartments
{
    /// <summary>Their names, in the reader's alphabetical order; empty when the person covers none.</summary>
    public static async Task<IReadOnlyList<string>> CoveredByAsync(this IPeopleDirectory directory, string personKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. departments.Where(d => d.LiaisonKey == personKey || d.BackupKey == personKey).Select(d => d.Name).Order(StringComparer.CurrentCulture)];
    }
}
