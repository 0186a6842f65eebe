using TeamsEngage.Reporting;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Polls;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Reports.ReportSignIn;

namespace TeamsEngage.Tests.Reports;

/// <summary>The participation page plays by the polls' small-group rule, proved by an attacker who combines every number shown.</summary>
public sealed class ParticipationPrivacyTests
{
    [Fact]
    public async Task NoGroupSmallerThanTheMinimumIsShownAndTheShownNumbersLeaveOnlyAUnionOfAtLeastTheMinimum()
    {
        var science = PollHost.Voters("SCI", 6);
        var art = PollHost.Voters("ART", 2);
        var maths = PollHost.Voters("MAT", 5);
        await using var bot = await PollHost.StartAsync([.. science, .. art, .. maths]);
        var (pollId, _) = await PollHost.ComposeAndSendAsync(bot, new { question = "Which slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI,ART,MAT", closeDate = "2099-01-01" });
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, PollCounters.Area), r => r.District[PollCounters.Asked] == 13, "the 13 recipients counted");
        await PollHost.VoteAsync(bot, art[0].Persona, pollId, "0");
        await PollHost.VoteAsync(bot, science[0].Persona, pollId, "1");
        var cookie = await SignInAsync(bot, PollHost.Admin);

        var page = await (await GetAsync(bot, cookie, "/reports/participation")).Content.ReadAsStringAsync();
        var csv = await (await GetAsync(bot, cookie, "/reports/participation/by-department.csv")).Content.ReadAsStringAsync();

        var shown = Rows(page, "by-department");
        Assert.Equal(["SCI"], shown.Select(r => r[0]));
        Assert.DoesNotContain("ART", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("MAT", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(">ART<", page, StringComparison.Ordinal);
        // The attacker: the district totals minus every group shown leave the hidden groups together, never one alone.
        var askedHidden = long.Parse(Tile(page, "Asked"), System.Globalization.CultureInfo.InvariantCulture) - shown.Sum(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(askedHidden >= 5, $"the hidden groups add up to {askedHidden} people");
        Assert.Contains("Groups asked fewer than 5 people", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new long[] { 6, 2, 5 }, new[] { "B", "C" })]
    [InlineData(new long[] { 6, 7, 8 }, new string[0])]
    [InlineData(new long[] { 3, 3, 9 }, new[] { "A", "B" })]
    [InlineData(new long[] { 1, 9, 9 }, new[] { "A", "B" })]
    public void TheHiddenGroupsAreNoneOrAtLeastTwoAndTogetherAtLeastTheMinimum(long[] sizes, string[] hidden)
    {
        var groups = sizes.Select((size, i) => (((char)('A' + i)).ToString(), size)).ToList();

        var result = SmallGroups.Hidden(groups, 5);

        Assert.Equal(hidden, result.Order(StringComparer.Ordinal));
        Assert.True(result.Count == 0 || (result.Count >= 2 && groups.Where(g => result.Contains(g.Item1)).Sum(g => g.size) >= 5));
    }
}
