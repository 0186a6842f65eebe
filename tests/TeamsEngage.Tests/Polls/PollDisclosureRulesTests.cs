using TeamsEngage.Anonymity;
using TeamsEngage.Features.Polls;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// Which numbers of a poll anyone sees and what a stored vote may name, rule by rule at the edges: the results a voter
/// or the author would notice change when any one of them moves.
/// </summary>
public sealed class PollDisclosureRulesTests
{
    private const int Min = 5;

    [Theory]
    [InlineData(false, ResultsVisibility.Live, PollStatus.Open, true)]
    [InlineData(true, ResultsVisibility.Live, PollStatus.Open, false)]
    [InlineData(false, ResultsVisibility.AfterClose, PollStatus.Open, false)]
    [InlineData(false, ResultsVisibility.AfterClose, PollStatus.Closed, true)]
    [InlineData(true, ResultsVisibility.AfterClose, PollStatus.Closed, true)]
    [InlineData(true, ResultsVisibility.Live, PollStatus.Closed, true)]
    [InlineData(false, ResultsVisibility.Never, PollStatus.Open, false)]
    [InlineData(false, ResultsVisibility.Never, PollStatus.Closed, false)]
    [InlineData(true, ResultsVisibility.Never, PollStatus.Closed, false)]
    public void VotersSeeResultsOnlyWhenTheAuthorChoseSoAndTheMomentHasCome(bool anonymous, ResultsVisibility results, PollStatus status, bool shown)
    {
        Assert.Equal(shown, PollDisclosure.VotersMaySee(PollOf(anonymous, results, status)));
    }

    [Fact]
    public void AClosedAnonymousPollShowsVotersTheTotalsFromExactlyTheMinimumNumberOfVotersAndNotOneFewer()
    {
        var poll = PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Closed);

        Assert.Equal(Min, PollDisclosure.ForVoters(poll, Tally(Min), Min)?.Voters);
        Assert.Null(PollDisclosure.ForVoters(poll, Tally(Min - 1), Min));
    }

    [Fact]
    public void ANamedLivePollShowsItsFirstVoteAtOnceAndAPollWhoseResultsAreNeverSharedShowsNoneEvenClosed()
    {
        Assert.Equal(1, PollDisclosure.ForVoters(PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open), Tally(1), Min)?.Voters);
        Assert.Null(PollDisclosure.ForVoters(PollOf(anonymous: true, ResultsVisibility.Never, PollStatus.Closed), Tally(20), Min));
    }

    [Fact]
    public void AnAnonymousPollWithOneVoterTooFewShowsHowManyAnsweredAndNoNumberOfWhatTheyAnswered()
    {
        var poll = PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Closed, PollGrouping.Department);

        var results = PollDisclosure.Results(poll, Votes(("SCI", Min - 1)), Min);

        Assert.Equal(Min - 1, results.Voters);
        Assert.Null(results.Tally);
        Assert.Empty(results.Breakdowns);
    }

    [Fact]
    public void AnOpenAnonymousPollShowsNoNumbersHoweverManyAnswered()
    {
        var poll = PollOf(anonymous: true, ResultsVisibility.Live, PollStatus.Open, PollGrouping.Department);

        var results = PollDisclosure.Results(poll, Votes(("SCI", 12)), Min);

        Assert.Equal(12, results.Voters);
        Assert.Null(results.Tally);
    }

    [Fact]
    public void AClosedAnonymousPollOfExactlyTheMinimumShowsItsTotalsAndOnlyTheBreakdownChosenAtCreation()
    {
        var byRole = PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Closed, PollGrouping.Role);

        var results = PollDisclosure.Results(byRole, Votes(("SCI", Min)), Min);

        Assert.Equal([3, 2], results.Tally?.Counts);
        Assert.Equal([PollDisclosure.ByRole], results.Breakdowns.Keys);
    }

    [Fact]
    public void ANamedPollBreaksDownByRoleAndByDepartmentEachByItsOwnAttribute()
    {
        var poll = PollOf(anonymous: false, ResultsVisibility.Live, PollStatus.Open);
        var votes = Enumerable.Range(0, 12).Select(i => new Vote([i % 2], null, i < 6 ? "SCI" : "ART", i < 8 ? "Teacher" : "Assistant")).ToList();

        var results = PollDisclosure.Results(poll, votes, 4);

        Assert.Equal(["ART", "SCI"], results.Breakdowns[PollDisclosure.ByDepartment].Select(g => g.Name));
        Assert.Equal(["Assistant", "Teacher"], results.Breakdowns[PollDisclosure.ByRole].Select(g => g.Name));
        Assert.Equal([4, 8], results.Breakdowns[PollDisclosure.ByRole].Select(g => g.Tally?.Voters ?? 0));
    }

    [Theory]
    [InlineData(false, PollGrouping.None, new[] { PollDisclosure.ByDepartment, PollDisclosure.ByRole })]
    [InlineData(true, PollGrouping.Department, new[] { PollDisclosure.ByDepartment })]
    [InlineData(true, PollGrouping.Role, new[] { PollDisclosure.ByRole })]
    [InlineData(true, PollGrouping.None, new string[0])]
    public void AnAnonymousPollOffersOnlyTheBreakdownChosenAtCreation(bool anonymous, PollGrouping grouping, string[] offered)
    {
        Assert.Equal(offered, PollDisclosure.Dimensions(PollOf(anonymous, ResultsVisibility.AfterClose, PollStatus.Closed, grouping)));
    }

    [Fact]
    public void AnAnonymousVoteByRoleStoresTheRoleAloneAndOnlyWhenItIsNameable()
    {
        var poll = PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Open, PollGrouping.Role, voteGroups: ["Teacher"]);

        var teacher = PollDisclosure.VoteOf(poll, new PollRecipient("29:ben", "ben", "SCI", "Teacher"), [1], "ok", "Ben");
        var head = PollDisclosure.VoteOf(poll, new PollRecipient("29:ana", "ana", "SCI", "Head"), [0], null, "Ana");

        Assert.Equal((null, "Teacher", null, "ok"), (teacher.DepartmentCode, teacher.Role, teacher.VoterName, teacher.Comment));
        Assert.Equal([1], teacher.Choices);
        Assert.Equal((null, SmallGroups.OtherGroup, null), (head.DepartmentCode, head.Role, head.VoterName));
    }

    [Fact]
    public void AnAnonymousVoteByDepartmentStoresTheDepartmentAloneAndOnlyWhenItIsNameable()
    {
        var poll = PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Open, PollGrouping.Department, voteGroups: ["SCI"]);

        var sci = PollDisclosure.VoteOf(poll, new PollRecipient("29:ben", "ben", "SCI", "Teacher"), [1], null, "Ben");
        var art = PollDisclosure.VoteOf(poll, new PollRecipient("29:ana", "ana", "ART", "Teacher"), [1], null, "Ana");

        Assert.Equal(("SCI", null, null), (sci.DepartmentCode, sci.Role, sci.VoterName));
        Assert.Equal((SmallGroups.OtherGroup, null, null), (art.DepartmentCode, art.Role, art.VoterName));
    }

    [Fact]
    public void AnAnonymousPollStoredWithoutItsNameableGroupsStoresEveryVoteUnderTheSharedGroup()
    {
        var poll = PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Open, PollGrouping.Department, voteGroups: null);

        var vote = PollDisclosure.VoteOf(poll, new PollRecipient("29:ben", "ben", "SCI", "Teacher"), [0], null, "Ben");

        Assert.Equal((SmallGroups.OtherGroup, null), (vote.DepartmentCode, vote.Role));
    }

    [Fact]
    public void AnAnonymousVoteWithoutABreakdownStoresNoGroupAndANamedVoteStoresEverything()
    {
        var person = new PollRecipient("29:ben", "ben", "SCI", "Teacher");

        var anonymous = PollDisclosure.VoteOf(PollOf(anonymous: true, ResultsVisibility.AfterClose, PollStatus.Open), person, [0], "c", "Ben");
        var named = PollDisclosure.VoteOf(PollOf(anonymous: false, ResultsVisibility.AfterClose, PollStatus.Open), person, [0], "c", "Ben");

        Assert.Equal((null, null, null, "c"), (anonymous.DepartmentCode, anonymous.Role, anonymous.VoterName, anonymous.Comment));
        Assert.Equal(("SCI", "Teacher", "Ben"), (named.DepartmentCode, named.Role, named.VoterName));
    }

    [Fact]
    public void ThePollsGroupsThatMayBeNamedComeFromTheChosenAttributeOfTheAudience()
    {
        // Roles: 7 teachers, 5 assistants, both nameable. Departments: 8 in SCI, 4 in ART, so SCI must join ART's shared group.
        var audience = Enumerable.Range(0, 12)
            .Select(i => new PollRecipient($"29:u{i}", $"u{i}", i < 8 ? "SCI" : "ART", i < 7 ? "Teacher" : "Assistant")).ToList();

        Assert.Equal(["Assistant", "Teacher"], PollDisclosure.VoteGroups(PollOf(true, ResultsVisibility.AfterClose, PollStatus.Draft, PollGrouping.Role), audience, Min));
        Assert.Empty(PollDisclosure.VoteGroups(PollOf(true, ResultsVisibility.AfterClose, PollStatus.Draft, PollGrouping.Department), audience, Min));
        Assert.Empty(PollDisclosure.VoteGroups(PollOf(true, ResultsVisibility.AfterClose, PollStatus.Draft, PollGrouping.None), audience, Min));
        Assert.Empty(PollDisclosure.VoteGroups(PollOf(false, ResultsVisibility.AfterClose, PollStatus.Draft, PollGrouping.Role), audience, Min));
    }

    [Fact]
    public void AChoiceEqualToTheOptionCountCountsForNothingAndAChoiceRepeatedCountsOnce()
    {
        var tally = PollTally.From(2, [new Vote([2], null, null, null), new Vote([1, 1], null, null, null), new Vote([0, 1], null, null, null)]);

        Assert.Equal(3, tally.Voters);
        Assert.Equal([1, 2], tally.Counts);
    }

    [Fact]
    public void SharesAreRoundedHalfAwayFromZeroAndAreZeroWithoutVoters()
    {
        var eighths = PollTally.From(3, [.. Enumerable.Range(0, 8).Select(i => new Vote([i < 1 ? 0 : i < 4 ? 1 : 2], null, null, null))]);

        Assert.Equal([13, 38, 50], [eighths.PercentOf(0), eighths.PercentOf(1), eighths.PercentOf(2)]);
        Assert.Equal(0, PollTally.From(2, []).PercentOf(0));
    }

    [Fact]
    public void TheSmallestGroupsAreHiddenFirstWhateverTheirNamesAndTiesGoByName()
    {
        var votes = Votes(("ALPHA", 9), ("MID", 6), ("ZED", 3)).Concat(Votes(("BETA", 6))).ToList();

        var groups = PollBreakdown.Build(2, votes, v => v.DepartmentCode, Min);

        Assert.Equal(["ALPHA", "BETA", "MID", "ZED"], groups.Select(g => g.Name));
        Assert.Equal(
            [GroupSuppression.None, GroupSuppression.Complementary, GroupSuppression.None, GroupSuppression.TooSmall],
            groups.Select(g => g.Suppression));
        Assert.Equal(9, groups[0].Tally?.Voters);
    }

    [Fact]
    public void VotesWithoutAGroupAreCountedTogetherUnderTheSharedGroup()
    {
        var votes = Votes(("SCI", 6)).Concat(Enumerable.Range(0, 6).Select(_ => new Vote([0], null, null, null))).ToList();

        var groups = PollBreakdown.Build(2, votes, v => v.DepartmentCode, Min);

        Assert.Equal([PollDisclosure.OtherGroup, "SCI"], groups.Select(g => g.Name));
        Assert.Equal(6, groups[0].Tally?.Voters);
    }

    private static PollTally Tally(int voters) => PollTally.From(2, [.. Enumerable.Range(0, voters).Select(i => new Vote([i % 2], null, null, null))]);

    private static List<Vote> Votes(params (string Group, int Size)[] groups) =>
        [.. groups.SelectMany(g => Enumerable.Range(0, g.Size).Select(i => new Vote([i % 2], null, g.Group, g.Group)))];

    internal static Poll PollOf(bool anonymous, ResultsVisibility results, PollStatus status, PollGrouping grouping = PollGrouping.None, IReadOnlyList<string>? voteGroups = null) => new(
        "poll-1",
        new PollSpec("Which day?", ["Monday", "Tuesday"], false, true, anonymous, results, new DateTimeOffset(2031, 3, 14, 17, 0, 0, TimeSpan.Zero), Audience.Everyone, grouping),
        "29:ana",
        "Ana",
        status,
        new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero),
        VoteGroups: voteGroups);
}
