using TeamsEngage.Features.Feedback;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

public sealed class FeedbackTriageTests
{
    [Fact]
    public async Task ALiaisonSeesTheItemsOfTheirDepartmentsAndAnAdministratorSeesAll()
    {
        await using var bot = await StartAsync();
        var science = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        var art = await bot.FileAsync(Hal, "A colour printer for the art room");

        await bot.SayAsync(Ben, "triage");
        var liaison = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Ben.ConversationId))[0]).ToJsonString();
        var admin = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.Board, new { })).ToJsonString();

        Assert.Contains(science, liaison, StringComparison.Ordinal);
        Assert.DoesNotContain(art, liaison, StringComparison.Ordinal);
        Assert.Contains(science, admin, StringComparison.Ordinal);
        Assert.Contains(art, admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberCannotTriageNorForgeAMove()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");

        await bot.SayAsync(Gus, "triage");
        var board = await bot.ExecuteAsync(Gus, FeedbackVerbs.Board, new { });
        var move = await bot.MoveAsync(Gus, id, "Declined", reason: "forged");

        Assert.Equal("That command is for the IT team. Type **help** to see what you can do.", (await bot.Connector.WaitForActivitiesAsync(Gus.ConversationId))[0].Text);
        const string refused = "Only the liaisons of this feedback's department and the administrators can triage it. Nothing was changed.";
        Assert.Equal(refused, MessageOf(board));
        Assert.Equal(refused, MessageOf(move));
        Assert.Equal(FeedbackState.New, (await bot.ItemAsync(id)).State);
    }

    [Fact]
    public async Task ALiaisonOfAnotherDepartmentIsRefusedOnAForgedItemAndAForgedMergeTarget()
    {
        await using var bot = await StartAsync();
        var science = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        var art = await bot.FileAsync(Hal, "A colour printer for the art room");

        var refused = MessageOf(await bot.MoveAsync(Fay, science, "UnderReview"));
        var merge = MessageOf(await bot.MoveAsync(Fay, art, "Merged", mergeInto: science));

        Assert.Equal("Only the liaisons of this feedback's department and the administrators can triage it. Nothing was changed.", refused);
        Assert.Equal("Merged needs the id of another open item you triage.", merge);
        Assert.Equal((FeedbackState.New, FeedbackState.New), ((await bot.ItemAsync(science)).State, (await bot.ItemAsync(art)).State));
    }

    [Fact]
    public async Task EachStateAsksForWhatItNeedsAndSkipsNoStep()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");

        Assert.Equal("Planned needs a target date (year-month-day).", MessageOf(await bot.MoveAsync(Ben, id, "Planned")));
        Assert.Equal("Declined needs a reason (at most 500 characters): supporters are told it.", MessageOf(await bot.MoveAsync(Ben, id, "Declined", reason: " ")));
        Assert.Equal("It cannot move there from where it is now. Nothing was changed.", MessageOf(await bot.MoveAsync(Ben, id, "Done")));
        Assert.Equal("Choose the state to move it to.", MessageOf(await bot.MoveAsync(Ben, id, "New")));
        Assert.Equal(FeedbackState.New, (await bot.ItemAsync(id)).State);
    }

    [Fact]
    public async Task AnItemMovesThroughReviewPlanAndDoneAndEveryChangeIsAudited()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");

        await bot.MoveAsync(Ben, id, "UnderReview");
        await bot.MoveAsync(Ben, id, "Planned", targetDate: "2027-02-01");
        var done = CardOf(await bot.MoveAsync(Eli, id, "Done"));

        Assert.Equal($"{id} is now: Done", SentCards.TitleOf(done));
        using var tenant = Fixtures.InHomeTenant();
        var audit = await bot.Store().ChangesAsync(id, CancellationToken.None);
        Assert.Equal(
            [(FeedbackState.New, FeedbackState.UnderReview, DirectorySeeding.KeyOf(Ben)), (FeedbackState.UnderReview, FeedbackState.Planned, DirectorySeeding.KeyOf(Ben)), (FeedbackState.Planned, FeedbackState.Done, DirectorySeeding.KeyOf(Eli))],
            audit.Select(c => (c.From, c.To, c.ActorKey)));
        Assert.Equal(new DateOnly(2027, 2, 1), audit[1].TargetDate);
        var card = CardOf(await bot.ExecuteAsync(Ben, FeedbackVerbs.Triage, new { itemId = id }));
        Assert.DoesNotContain("input:to", CardReading.BodyOutline(card));
    }

    [Fact]
    public async Task AMergeCarriesEverySupporterOverOnceAndClosesTheMergedItem()
    {
        await using var bot = await StartAsync();
        var kept = await bot.FileAsync(Ana, "Wi-Fi drops in the library");
        var merged = await bot.FileAsync(Gus, "Library wireless is unreliable");
        var anonymous = await bot.FileAsync(Hal, "The library network is flaky", anonymous: true);
        await bot.SupportAsync(Carmen, kept);
        await bot.SupportAsync(Carmen, merged);
        await bot.SupportAsync(Ben, merged);

        await bot.MoveAsync(Eli, merged, "Merged", mergeInto: kept);
        await bot.MoveAsync(Eli, anonymous, "Merged", mergeInto: kept.ToLowerInvariant());

        var item = await bot.ItemAsync(kept);
        Assert.Equal(5, item.Supporters);
        Assert.Equal((FeedbackState.Merged, kept), ((await bot.ItemAsync(merged)).State, (await bot.ItemAsync(merged)).MergedInto));
        Assert.Equal("This feedback is closed: it no longer takes support.", MessageOf(await bot.SupportAsync(Fay, merged)));
        Assert.Equal($"You already support {kept} (or raised it). Each person counts once.", MessageOf(await bot.SupportAsync(Gus, kept)));
    }

    [Fact]
    public async Task TheBoardFiltersByStateDepartmentAndTopicAndPages()
    {
        await using var bot = await StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await bot.FileAsync(i % 2 == 0 ? Ana : Hal, $"Board item {i}"));
        }
        await bot.MoveAsync(Eli, ids[0], "UnderReview");

        var review = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.Board, new { state = "UnderReview" })).ToJsonString();
        var art = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.Board, new { department = "ART" })).ToJsonString();
        var first = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.Board, new { }));
        var second = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.Board, new { page = 1 }));
        var none = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.Board, new { topic = "notice:N-1" }));

        Assert.Equal([ids[0]], ids.Where(id => review.Contains(id, StringComparison.Ordinal)));
        Assert.Equal([ids[1], ids[3], ids[5]], ids.Where(id => art.Contains(id, StringComparison.Ordinal)));
        Assert.Contains("6 items · page 1 of 2", CardReading.Said(first), StringComparison.Ordinal);
        Assert.Equal(6, ids.Count(id => first.ToJsonString().Contains(id, StringComparison.Ordinal) || second.ToJsonString().Contains(id, StringComparison.Ordinal)));
        Assert.Contains("No feedback matches these filters.", CardReading.Said(none), StringComparison.Ordinal);
    }
}
