using TeamsEngage.Features.Polls;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// Every number of a poll that its author, an administrator or a voter is shown, taken from the production builders
/// (what a vote stores, what is disclosed, the CSV text, the voter's card), for the attacker of
/// <see cref="PollAnonymityPropertyTests"/>.
/// </summary>
internal static class PollViews
{
    /// <summary>A sent poll, as <see cref="PollService"/> opens it for this audience.</summary>
    public static Poll Open(Poll draft, IReadOnlyList<PollRecipient> audience, int minGroupSize) =>
        draft with { Status = PollStatus.Open, Recipients = audience.Count, VoteGroups = PollDisclosure.VoteGroups(draft, audience, minGroupSize) };

    /// <summary>The vote row written for a voter.</summary>
    public static Vote Stored(Poll poll, PollRecipient voter, IReadOnlyList<int> choices) => PollDisclosure.VoteOf(poll, voter, choices, null, null);

    /// <summary>The results card's totals and every breakdown it offers (by name: groups with their shown tally, or null).</summary>
    public static (PollTally? Totals, IReadOnlyDictionary<string, IReadOnlyList<BreakdownGroup>> Breakdowns) Card(Poll poll, IReadOnlyList<Vote> votes, int minGroupSize)
    {
        var results = PollDisclosure.Results(poll, votes, minGroupSize);
        return (results.Tally, results.Breakdowns);
    }

    /// <summary>The CSV the author downloads.</summary>
    public static string Csv(Poll poll, IReadOnlyList<Vote> votes, int minGroupSize)
    {
        var results = PollDisclosure.Results(poll, votes, minGroupSize);
        return PollCsv.Build(poll, results, Math.Max(poll.Recipients, results.Voters), minGroupSize, null);
    }

    /// <summary>The tally on a voter's card (live or after closing), or null.</summary>
    public static PollTally? VoterCard(Poll poll, IReadOnlyList<Vote> votes, int minGroupSize) =>
        PollDisclosure.ForVoters(poll, PollTally.From(poll.Spec.Options.Count, votes), minGroupSize);

    /// <summary>The group a breakdown puts a stored vote in.</summary>
    public static string GroupOf(string by, Vote vote) => (by == PollDisclosure.ByRole ? vote.Role : vote.DepartmentCode) ?? string.Empty;
}
