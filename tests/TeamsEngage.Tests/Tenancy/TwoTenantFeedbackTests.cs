using TeamsEngage.Features.Feedback;
using TeamsEngage.Tests.Feedback;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tenancy.TwoDistricts;

namespace TeamsEngage.Tests.Tenancy;

/// <summary>Feedback of one district is never shown to, supported in or triaged from another.</summary>
public sealed class TwoTenantFeedbackTests
{
    [Fact]
    public async Task FeedbackOfOneTenantCannotBeSeenSupportedOrMovedFromAnotherByItsId()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Alpha wants faster Wi-Fi");

        var support = FeedbackWorld.MessageOf(await bot.ExecuteAsync(Bea, FeedbackVerbs.Support, new { itemId = id }));
        var move = FeedbackWorld.MessageOf(await bot.ExecuteAsync(Bob, FeedbackVerbs.Move, new { itemId = id, to = "Declined", reason = "Beta says no" }));
        var board = FeedbackWorld.CardOf(await bot.ExecuteAsync(Bob, FeedbackVerbs.Board, new { })).ToJsonString();
        var ideas = FeedbackWorld.CardOf(await bot.ExecuteAsync(Bea, FeedbackVerbs.Browse, new { scope = "district" })).ToJsonString();

        Assert.Equal(("I cannot find that feedback.", "I cannot find that feedback."), (support, move));
        Assert.DoesNotContain(id, board, StringComparison.Ordinal);
        Assert.DoesNotContain(id, ideas, StringComparison.Ordinal);
        var item = await bot.ItemAsync(id);
        Assert.Equal((FeedbackState.New, 1), (item.State, item.Supporters));
    }
}
