using TeamsEngage.Anonymity;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// What a results view may show. <see cref="Tally"/> is null when the totals are withheld; then no breakdown is either.
/// <see cref="Voters"/> (how many answered) is always shown: it says who took part, never what anyone answered.
/// </summary>
public sealed record PollResults(int Voters, PollTally? Tally, IReadOnlyDictionary<string, IReadOnlyList<BreakdownGroup>> Breakdowns);

/// <summary>
/// The one place that decides which numbers of a poll anyone sees: the author's and administrators' results card, the
/// CSV and voters' cards all show what is built here. Anonymous polls show numbers once, after the last vote could be
/// cast, so nothing can be subtracted over time; only when at least the minimum group size answered; and in one
/// breakdown only, chosen at creation, so nothing can be subtracted across breakdowns. Hidden groups of a breakdown are
/// kept at least two and together at least the minimum (<see cref="PollBreakdown"/>), so the totals do not give them away.
/// </summary>
public static class PollDisclosure
{
    public const string ByDepartment = "department";
    public const string ByRole = "role";

    /// <summary>Where anonymous votes of people in groups too small to be named are stored and counted.</summary>
    public const string OtherGroup = SmallGroups.OtherGroup;

    /// <summary>The numbers a results view (card or CSV) shows for the poll as it stands, given its votes.</summary>
    public static PollResults Results(Poll poll, IReadOnlyList<Vote> votes, int minGroupSize)
    {
        var optionCount = poll.Spec.Options.Count;
        var tally = PollTally.From(optionCount, votes);
        if (!TotalsShown(poll, tally.Voters, minGroupSize))
        {
            return new PollResults(tally.Voters, null, new Dictionary<string, IReadOnlyList<BreakdownGroup>>());
        }
        var breakdowns = Dimensions(poll).ToDictionary(
            by => by,
            by => PollBreakdown.Build(optionCount, votes, GroupOf(by), minGroupSize),
            StringComparer.Ordinal);
        return new PollResults(tally.Voters, tally, breakdowns);
    }

    /// <summary>The tally a voter's card may show (null: none), by the author's choice and the rules above.</summary>
    public static PollTally? ForVoters(Poll poll, PollTally tally, int minGroupSize) =>
        VotersMaySee(poll) && TotalsShown(poll, tally.Voters, minGroupSize) ? tally : null;

    /// <summary>Whether voters' cards show results at all now (so the votes need not be counted when they do not).</summary>
    public static bool VotersMaySee(Poll poll) =>
        poll.Spec.Results != ResultsVisibility.Never
        && (poll.Status == PollStatus.Closed || (poll.Spec.Results == ResultsVisibility.Live && !poll.Spec.Anonymous));

    /// <summary>The breakdowns offered: both for named polls, the one chosen at creation (or none) for anonymous polls.</summary>
    public static IReadOnlyList<string> Dimensions(Poll poll) => !poll.Spec.Anonymous
        ? [ByDepartment, ByRole]
        : poll.Spec.Grouping switch
        {
            PollGrouping.Department => [ByDepartment],
            PollGrouping.Role => [ByRole],
            _ => [],
        };

    /// <summary>
    /// The vote as stored. Anonymous: the choices, the comment, and only the chosen breakdown's group, replaced by
    /// <see cref="OtherGroup"/> when that group was too small in the audience (see <see cref="VoteGroups"/>).
    /// </summary>
    public static Vote VoteOf(Poll poll, PollRecipient voter, IReadOnlyList<int> choices, string? comment, string? voterName)
    {
        if (!poll.Spec.Anonymous)
        {
            return new Vote(choices, comment, voter.DepartmentCode, voter.Role, voterName);
        }
        var named = poll.VoteGroups ?? [];
        string Coarse(string? group) => SmallGroups.Coarsen(group, named);
        return poll.Spec.Grouping switch
        {
            PollGrouping.Department => new Vote(choices, comment, Coarse(voter.DepartmentCode), null),
            PollGrouping.Role => new Vote(choices, comment, null, Coarse(voter.Role)),
            _ => new Vote(choices, comment, null, null),
        };
    }

    /// <summary>
    /// The groups of an anonymous poll's breakdown that a stored vote may name: those with at least the minimum number of
    /// people in the audience. The others share <see cref="OtherGroup"/>; when that shared group would itself be smaller
    /// than the minimum, the smallest named groups join it until it is not (or everyone is in it).
    /// </summary>
    public static IReadOnlyList<string> VoteGroups(Poll poll, IEnumerable<PollRecipient> audience, int minGroupSize)
    {
        if (!poll.Spec.Anonymous || poll.Spec.Grouping == PollGrouping.None)
        {
            return [];
        }
        Func<PollRecipient, string?> groupOf = poll.Spec.Grouping == PollGrouping.Role ? r => r.Role : r => r.DepartmentCode;
        return SmallGroups.Nameable(audience.Select(groupOf), minGroupSize);
    }

    private static Func<Vote, string?> GroupOf(string by) => by == ByRole ? v => v.Role : v => v.DepartmentCode;

    private static bool TotalsShown(Poll poll, int voters, int minGroupSize) =>
        !poll.Spec.Anonymous || (poll.Status == PollStatus.Closed && voters >= minGroupSize);
}
