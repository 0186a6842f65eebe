using TeamsEngage.Anonymity;

namespace TeamsEngage.Features.Polls;

/// <summary>How many people voted and how many chose each option.</summary>
public sealed record PollTally(int Voters, IReadOnlyList<int> Counts)
{
    public static PollTally From(int optionCount, IEnumerable<Vote> votes)
    {
        var counts = new int[optionCount];
        var voters = 0;
        foreach (var vote in votes)
        {
            voters++;
            foreach (var choice in vote.Choices.Distinct().Where(c => c < optionCount))
            {
                counts[choice]++;
            }
        }
        return new PollTally(voters, counts);
    }

    /// <summary>The share of voters who chose the option, 0 to 100.</summary>
    public int PercentOf(int option) => Voters == 0 ? 0 : (int)Math.Round(100.0 * Counts[option] / Voters, MidpointRounding.AwayFromZero);
}

/// <summary>One group of a breakdown; <see cref="Tally"/> is null when suppressed.</summary>
public sealed record BreakdownGroup(string Name, GroupSuppression Suppression, PollTally? Tally);

/// <summary>
/// Results grouped by an attribute (department or role), with small groups suppressed. The overall totals are always
/// shown, so hiding only the small groups would let anyone subtract the shown groups from the totals and recover them.
/// Hidden groups are therefore always at least two, together at least the minimum size; if the poll's whole audience
/// is too small for that, every group is hidden.
/// </summary>
public static class PollBreakdown
{
    public static IReadOnlyList<BreakdownGroup> Build(int optionCount, IEnumerable<Vote> votes, Func<Vote, string?> groupOf, int minGroupSize)
    {
        var groups = votes
            .GroupBy(v => groupOf(v) ?? string.Empty, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Tally: PollTally.From(optionCount, g)))
            .OrderBy(g => g.Tally.Voters)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        var hidden = Suppress(groups.Select(g => g.Tally.Voters).ToList(), minGroupSize);
        return [.. groups
            .Select((g, i) => new BreakdownGroup(g.Name, hidden[i], hidden[i] == GroupSuppression.None ? g.Tally : null))
            .OrderBy(g => g.Name, StringComparer.Ordinal)];
    }

    /// <summary>Which groups to hide, given their sizes in ascending order (the shared rule).</summary>
    internal static GroupSuppression[] Suppress(IReadOnlyList<int> ascendingSizes, int minGroupSize) => SmallGroups.Suppress(ascendingSizes, minGroupSize);
}
