using TeamsEngage.Features.Feedback;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

public sealed class FeedbackBrowsingTests
{
    [Fact]
    public async Task IdeasShowsTheDepartmentFirstAndTheWholeDistrictOnRequest()
    {
        await using var bot = await StartAsync();
        var science = await bot.FileAsync(Gus, "Microscope cameras for the biology lab");
        var art = await bot.FileAsync(Hal, "A colour printer for the art room");

        await bot.SayAsync(Ana, "ideas");
        var department = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Ana.ConversationId))[0]);
        var district = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Browse, new { scope = "district", order = "newest" }));

        Assert.Contains("Open feedback of Science, newest first · page 1 of 1", CardReading.Said(department), StringComparison.Ordinal);
        Assert.Contains(science, department.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(art, department.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(science, district.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(art, district.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MostSupportedFirstOrdersBySupportAndNewestFirstByFiling()
    {
        await using var bot = await StartAsync();
        var older = await bot.FileAsync(Gus, "Headphones for the language lab");
        var newer = await bot.FileAsync(Ana, "Update the periodic table app");
        await bot.SupportAsync(Carmen, older);

        var newest = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Browse, new { scope = "department", order = "newest" })).ToJsonString();
        var supported = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Browse, new { scope = "department", order = "supported" })).ToJsonString();

        Assert.True(newest.IndexOf(newer, StringComparison.Ordinal) < newest.IndexOf(older, StringComparison.Ordinal));
        Assert.True(supported.IndexOf(older, StringComparison.Ordinal) < supported.IndexOf(newer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClosedItemsAreNotListedAndLongListsArePaged()
    {
        await using var bot = await StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await bot.FileAsync(Gus, $"Idea number {i} about {(char)('a' + i)}lpha chargers"));
        }
        await bot.MoveAsync(Ben, ids[0], "Declined", reason: "Not now");

        var first = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Browse, new { scope = "department" }));
        var second = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Browse, new { scope = "department", page = 1 }));

        Assert.Contains("page 1 of 2", CardReading.Said(first), StringComparison.Ordinal);
        Assert.Contains("Next", CardReading.ActionTitles(first));
        Assert.Contains("Previous", CardReading.ActionTitles(second));
        var shown = first.ToJsonString() + second.ToJsonString();
        Assert.DoesNotContain(ids[0], shown, StringComparison.Ordinal);
        Assert.All(ids.Skip(1), id => Assert.Contains(id, shown, StringComparison.Ordinal));
    }
}
