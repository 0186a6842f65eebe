using TeamsEngage.Anonymity;
using TeamsEngage.Features.Polls;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Polls;

public sealed class PollLogicTests
{
    [Fact]
    public void TheQuickFormReadsTheQuestionAndOptions()
    {
        var result = PollQuickForm.Parse("\"Which training time works best?\" \"Monday 3pm\"  \u201CWednesday 3pm\u201D");

        Assert.True(result.IsValid);
        Assert.Equal("Which training time works best?", result.Question);
        Assert.Equal(["Monday 3pm", "Wednesday 3pm"], result.Options);
    }

    [Theory]
    [InlineData("Which time? \"Monday\" \"Tuesday\"", "Poll_QuickForm_Unquoted")]
    [InlineData("\"Which time?\" \"Monday\" \"Tuesday", "Poll_QuickForm_Unterminated")]
    [InlineData("\"Which time?\" \"Monday\"", "Poll_QuickForm_OptionCount")]
    [InlineData("\"Which time?\" \"1\" \"2\" \"3\" \"4\" \"5\" \"6\" \"7\" \"8\" \"9\" \"10\" \"11\"", "Poll_QuickForm_OptionCount")]
    [InlineData("\"Which time?\" \"Monday\" \"monday\"", "Poll_QuickForm_Duplicate")]
    [InlineData("\"\" \"Monday\" \"Tuesday\"", "Poll_QuickForm_Empty")]
    public void BadQuickFormSyntaxNamesTheProblem(string arguments, string expectedError)
    {
        var result = PollQuickForm.Parse(arguments);

        Assert.False(result.IsValid);
        Assert.Equal(expectedError, result.ErrorKey);
    }

    [Fact]
    public void ASingleSmallGroupIsHiddenWithTheNextSmallestSoSubtractionRevealsNothing()
    {
        // 3 in ART, 6 in MATH, 8 in SCI: hiding ART alone would leave ART = total - MATH - SCI.
        var result = PollBreakdown.Suppress([3, 6, 8], 5);

        Assert.Equal([GroupSuppression.TooSmall, GroupSuppression.Complementary, GroupSuppression.None], result);
    }

    [Fact]
    public void TwoSmallGroupsThatTogetherStayBelowTheMinimumPullInALargerOne()
    {
        var result = PollBreakdown.Suppress([1, 2, 7, 9], 5);

        Assert.Equal([GroupSuppression.TooSmall, GroupSuppression.TooSmall, GroupSuppression.Complementary, GroupSuppression.None], result);
    }

    [Fact]
    public void GroupsAllAtTheMinimumAreAllShown()
    {
        Assert.All(PollBreakdown.Suppress([5, 5, 12], 5), r => Assert.Equal(GroupSuppression.None, r));
    }

    [Fact]
    public void AGroupOfExactlyTheMinimumIsShownAndOneBelowItIsHidden()
    {
        var votes = new[] { ("AT", 5), ("BELOW", 4), ("SMALL", 1), ("BIG", 9) }
            .SelectMany(g => Enumerable.Range(0, g.Item2).Select(i => new Vote([i % 2], null, g.Item1, "Member"))).ToList();

        var groups = PollBreakdown.Build(2, votes, v => v.DepartmentCode, 5).ToDictionary(g => g.Name);

        Assert.Equal(5, groups["AT"].Tally?.Voters);
        Assert.Equal([3, 2], groups["AT"].Tally?.Counts);
        Assert.Equal(GroupSuppression.TooSmall, groups["BELOW"].Suppression);
        Assert.Null(groups["BELOW"].Tally);
        Assert.Equal(9, groups["BIG"].Tally?.Voters);
    }

    [Fact]
    public void NoShownNumbersLetAHiddenGroupBeWorkedOutFromTheTotals()
    {
        var sizes = new[] { 3, 6, 8, 4, 11 };
        var votes = sizes.SelectMany((n, g) => Enumerable.Range(0, n).Select(i => new Vote([i % 2], null, $"D{g}", "Member"))).ToList();

        var groups = PollBreakdown.Build(2, votes, v => v.DepartmentCode, 5);

        var hidden = groups.Where(g => g.Tally is null).ToList();
        // 3 and 4 are hidden together (7); 6, 8 and 11 stay shown with their true counts.
        Assert.Equal(["D1", "D2", "D4"], groups.Where(g => g.Tally is not null).Select(g => g.Name));
        Assert.Equal([6, 8, 11], groups.Where(g => g.Tally is not null).Select(g => g.Tally!.Voters));
        Assert.True(hidden.Count >= 2);
        Assert.True(hidden.Sum(g => sizes[int.Parse(g.Name[1..], System.Globalization.CultureInfo.InvariantCulture)]) >= 5);
        Assert.All(groups.Where(g => g.Tally is not null), g => Assert.True(g.Tally!.Voters >= 5));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain, text", "\"plain, text\"")]
    [InlineData("\uFF1DHYPERLINK(1)", "'\uFF1DHYPERLINK(1)")]
    [InlineData("\uFF0B1", "'\uFF0B1")]
    [InlineData("\uFF0D1", "'\uFF0D1")]
    [InlineData("\uFF20SUM(A1)", "'\uFF20SUM(A1)")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("\t+1", "'\t+1")]
    [InlineData(" \u3000\uFF1D1", "' \u3000\uFF1D1")]
    [InlineData("-", "'-")]
    [InlineData("a-b", "a-b")]
    [InlineData("  plain", "  plain")]
    public void CsvCellsThatWouldRunAsFormulasAreNeutralised(string value, string expected)
    {
        Assert.Equal(expected, PollCsv.Cell(value));
    }

    [Theory]
    [InlineData("1", false, true)]
    [InlineData("0,1", false, false)]
    [InlineData("0,1", true, true)]
    [InlineData("2", false, false)]
    [InlineData("-1", false, false)]
    [InlineData("", false, false)]
    [InlineData("1,1", true, false)]
    public void OnlyKnownOptionsAreAccepted(string value, bool multiple, bool accepted)
    {
        var poll = new Poll("p", new PollSpec("Q", ["A", "B"], multiple, false, false, ResultsVisibility.Live, DateTimeOffset.MaxValue, Audience.Everyone), "29:a", null, PollStatus.Open, DateTimeOffset.UnixEpoch);

        Assert.Equal(accepted, PollBallotBox.ReadChoices(value, poll) is not null);
    }
}
