namespace TeamsEngage.People;

/// <summary>
/// Open work a feature holds for a department (tickets today), so a department with open work cannot be removed.
/// Every feature that holds such work registers one; the directory sums them, whatever the order of registration.
/// </summary>
public interface IDepartmentWork
{
    /// <summary>How many open items of this feature belong to the department.</summary>
    Task<int> CountOpenAsync(string departmentCode, CancellationToken cancellationToken);
}

/// <summary>The open work of a department across every feature that registered an <see cref="IDepartmentWork"/>.</summary>
public sealed class DepartmentWork(IEnumerable<IDepartmentWork> sources)
{
    public async Task<int> CountOpenAsync(string departmentCode, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var source in sources)
        {
            total += await source.CountOpenAsync(departmentCode, cancellationToken).ConfigureAwait(false);
        }
        return total;
    }
}
