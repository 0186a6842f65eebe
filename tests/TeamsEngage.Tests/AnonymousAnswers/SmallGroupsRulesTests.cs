using TeamsEngage.Anonymity;

namespace TeamsEngage.Tests.AnonymousAnswers;

/// <summary>
/// The shared small-group rules at their edges, played as someone who reads every number shown and knows the sizes of
/// the groups in the audience.
/// </summary>
public sealed class SmallGroupsRulesTests
{
    private const int Min = 5;

    [Fact]
    public void TwoSmallGroupsThatTogetherReachExactlyTheMinimumHideNothingElse()
    {
        var result = SmallGroups.Suppress([2, 3, 9], Min);

        Assert.Equal([GroupSuppression.TooSmall, GroupSuppression.TooSmall, GroupSuppression.None], result);
    }

    [Fact]
    public void AGroupOneBelowTheMinimumIsHiddenWithItsNeighbourAndAGroupAtTheMinimumIsNot()
    {
        var result = SmallGroups.Suppress([4, 5, 5], Min);

        Assert.Equal([GroupSuppression.TooSmall, GroupSuppression.Complementary, GroupSuppression.None], result);
    }

    [Fact]
    public void WhenNoGroupIsSmallNothingIsHidden()
    {
        Assert.Equal([GroupSuppression.None, GroupSuppression.None], SmallGroups.Suppress([5, 6], Min));
        Assert.Empty(SmallGroups.Suppress([], Min));
    }

    [Fact]
    public void AWholeAudienceTooSmallToHideSafelyHidesEveryGroup()
    {
        var result = SmallGroups.Suppress([1, 6], Min);

        Assert.Equal([GroupSuppression.TooSmall, GroupSuppression.Complementary], result);
    }

    [Fact]
    public void AGroupOfExactlyTheMinimumInTheAudienceMayBeNamedAndOneBelowItMayNot()
    {
        var audience = People(("AT", 5), ("BELOW", 4), ("ALSO", 2), ("BIG", 9));

        var nameable = SmallGroups.Nameable(audience, Min);

        Assert.Equal(["AT", "BIG"], nameable);
        Assert.Equal("AT", SmallGroups.Coarsen("AT", nameable));
        Assert.Equal(SmallGroups.OtherGroup, SmallGroups.Coarsen("BELOW", nameable));
    }

    [Fact]
    public void ASharedGroupOfExactlyTheMinimumKeepsEveryLargerGroupNamed()
    {
        var audience = People(("ART", 2), ("PE", 3), ("MATH", 6), ("SCI", 7));

        Assert.Equal(["MATH", "SCI"], SmallGroups.Nameable(audience, Min));
    }

    [Fact]
    public void ASharedGroupBelowTheMinimumTakesInTheSmallestNamedGroup()
    {
        // ART alone in the shared group would be ART: its two people join the six of MATH instead.
        var audience = People(("ART", 2), ("SCI", 7), ("MATH", 6));

        Assert.Equal(["SCI"], SmallGroups.Nameable(audience, Min));
    }

    [Fact]
    public void BetweenTwoEquallySmallNamedGroupsTheFirstByNameJoinsTheSharedGroup()
    {
        var audience = People(("ZOO", 6), ("ART", 1), ("BIO", 6));

        Assert.Equal(["ZOO"], SmallGroups.Nameable(audience, Min));
    }

    [Fact]
    public void WhenEveryoneIsInALargeEnoughGroupNoGroupIsGivenUp()
    {
        var audience = People(("SCI", 5), ("MATH", 6));

        Assert.Equal(["MATH", "SCI"], SmallGroups.Nameable(audience, Min));
    }

    [Fact]
    public void WhenEveryGroupIsSmallNothingIsNamedAndEveryAnswerIsStoredAsTheSharedGroup()
    {
        var nameable = SmallGroups.Nameable(People(("ART", 2), ("PE", 1)), Min);

        Assert.Empty(nameable);
        Assert.Equal(SmallGroups.OtherGroup, SmallGroups.Coarsen("ART", nameable));
    }

    [Fact]
    public void PeopleWithoutAGroupAreCountedInTheSharedGroupAndAreNeverAGroupOfTheirOwn()
    {
        var audience = People(("ART", 6)).Concat(Enumerable.Repeat<string?>(null, 5));

        var nameable = SmallGroups.Nameable(audience, Min);

        Assert.Equal(["ART"], nameable);
        Assert.Equal(SmallGroups.OtherGroup, SmallGroups.Coarsen(null, nameable));
    }

    [Fact]
    public void PeopleWithoutAGroupAndTheSmallGroupsTogetherDecideWhetherTheSharedGroupIsLargeEnough()
    {
        // Three people without a department and two in ART share one group of five: MATH and SCI stay named.
        var audience = People(("ART", 2), ("MATH", 6), ("SCI", 8)).Concat(Enumerable.Repeat<string?>(null, 3));

        Assert.Equal(["MATH", "SCI"], SmallGroups.Nameable(audience, Min));
    }

    [Fact]
    public void AGroupNotInTheNameableListIsStoredAsTheSharedGroup()
    {
        Assert.Equal(SmallGroups.OtherGroup, SmallGroups.Coarsen("TINY", ["ART", "SCI"]));
        Assert.Equal("SCI", SmallGroups.Coarsen("SCI", ["ART", "SCI"]));
    }

    private static List<string?> People(params (string Group, int Size)[] groups) =>
        groups.SelectMany(g => Enumerable.Repeat<string?>(g.Group, g.Size)).ToList();
}
