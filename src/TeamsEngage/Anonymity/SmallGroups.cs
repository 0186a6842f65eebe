namespace TeamsEngage.Anonymity;

/// <summary>Why a breakdown group shows no numbers.</summary>
public enum GroupSuppression
{
    /// <summary>Shown.</summary>
    None,
    /// <summary>Fewer respondents than the minimum group size.</summary>
    TooSmall,
    /// <summary>Large enough, but hidden so the small groups cannot be worked out by subtraction.</summary>
    Complementary,
}

/// <summary>
/// The rules every anonymous count follows, whatever asked the question (a poll, a survey): which groups of a
/// breakdown are hidden, and which groups a stored answer may name at all.
/// </summary>
public static class SmallGroups
{
    /// <summary>Where answers of people in groups too small to be named are stored and counted.</summary>
    public const string OtherGroup = "";

    /// <summary>
    /// Which groups to hide, given their sizes in ascending order. The overall totals are always shown, so hiding only
    /// the small groups would let anyone subtract the shown groups from the totals; hidden groups are therefore always at
    /// least two, together at least the minimum size (or every group, when the whole is too small for that).
    /// </summary>
    public static GroupSuppression[] Suppress(IReadOnlyList<int> ascendingSizes, int minGroupSize)
    {
        ArgumentNullException.ThrowIfNull(ascendingSizes);
        var result = ascendingSizes.Select(n => n < minGroupSize ? GroupSuppression.TooSmall : GroupSuppression.None).ToArray();
        var hiddenCount = result.Count(r => r != GroupSuppression.None);
        if (hiddenCount == 0)
        {
            return result;
        }
        var hiddenSum = ascendingSizes.Where((_, i) => result[i] != GroupSuppression.None).Sum();
        // Hide the next-smallest shown groups until the hidden remainder is no single group and not small itself.
        for (var i = 0; i < result.Length && (hiddenCount < 2 || hiddenSum < minGroupSize); i++)
        {
            if (result[i] == GroupSuppression.None)
            {
                result[i] = GroupSuppression.Complementary;
                hiddenCount++;
                hiddenSum += ascendingSizes[i];
            }
        }
        return result;
    }

    /// <summary>
    /// The groups a stored anonymous answer may name, given each audience member's group: those with at least the minimum
    /// number of people. The others share <see cref="OtherGroup"/>; when that shared group would itself be smaller than
    /// the minimum, the smallest named groups join it until it is not (or everyone is in it).
    /// </summary>
    public static IReadOnlyList<string> Nameable(IEnumerable<string?> groupOfEachPerson, int minGroupSize)
    {
        var sizes = groupOfEachPerson.GroupBy(g => g ?? OtherGroup, StringComparer.Ordinal).Select(g => (Name: g.Key, Size: g.Count())).ToList();
        var named = sizes.Where(g => g.Name != OtherGroup && g.Size >= minGroupSize).OrderBy(g => g.Size).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var other = sizes.Sum(g => g.Size) - named.Sum(g => g.Size);
        while (other > 0 && other < minGroupSize && named.Count > 0)
        {
            other += named[0].Size;
            named.RemoveAt(0);
        }
        return [.. named.Select(g => g.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>The group as stored: itself when nameable, <see cref="OtherGroup"/> otherwise.</summary>
    public static string Coarsen(string? group, IReadOnlyList<string> nameable) =>
        group is not null && nameable.Contains(group, StringComparer.Ordinal) ? group : OtherGroup;
}
