namespace TeamsEngage.Reporting;

/// <summary>
/// Which groups a table of people may not show: every group of fewer than the minimum, and then, when any is hidden,
/// the next-smallest shown groups until the hidden ones are at least two and together at least the minimum. So the
/// total minus the shown groups gives only a union of at least the minimum people: the polls' rule 3, for any table.
/// </summary>
public static class SmallGroups
{
    public static IReadOnlySet<string> Hidden(IReadOnlyList<(string Group, long Size)> groups, int minimum)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var hidden = groups.Where(g => g.Size < minimum).Select(g => g.Group).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 0)
        {
            return hidden;
        }
        var size = groups.Where(g => hidden.Contains(g.Group)).Sum(g => g.Size);
        foreach (var (group, groupSize) in groups.Where(g => !hidden.Contains(g.Group)).OrderBy(g => g.Size).ThenBy(g => g.Group, StringComparer.Ordinal))
        {
            if (hidden.Count >= 2 && size >= minimum)
            {
                break;
            }
            hidden.Add(group);
            size += groupSize;
        }
        return hidden;
    }
}
