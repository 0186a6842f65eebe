using TeamsEngage.Features.Feedback;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

public sealed class FeedbackSharingTests
{
    [Fact]
    public async Task FeedbackOpensTheFormThatSaysPlainlyWhatAnonymousMeans()
    {
        await using var bot = await StartAsync();

        await bot.SayAsync(Ana, "feedback");

        var card = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Ana.ConversationId))[0]);
        var said = CardReading.Said(card);
        Assert.Equal("Share feedback", SentCards.TitleOf(card));
        Assert.Contains("Anonymous means nobody can see who sent it, IT and administrators included", said, StringComparison.Ordinal);
        Assert.Contains("You get no personal replies or updates: you follow its public status under `ideas`.", said, StringComparison.Ordinal);
        Assert.Equal(["input:kind", "input:text", "input:topic", "input:anonymous"], CardReading.BodyOutline(card).Where(e => e.StartsWith("input:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HelpListsTheFeedbackCommandsEachPersonMayUse()
    {
        await using var bot = await StartAsync();

        await bot.SayAsync(Ana, "help");
        await bot.SayAsync(Eli, "help");
        await bot.SayAsync(Carmen, "ayuda");

        var member = Titles(SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Ana.ConversationId))[0]));
        var admin = Titles(SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Eli.ConversationId))[0]));
        var spanish = Titles(SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Carmen.ConversationId))[0]));
        Assert.Equal((true, true, false, false), (member.Contains("feedback"), member.Contains("ideas"), member.Contains("triage"), member.Contains("digest")));
        Assert.Equal((true, true, true, true), (admin.Contains("feedback"), admin.Contains("ideas"), admin.Contains("triage"), admin.Contains("digest")));
        Assert.Equal((true, true), (spanish.Contains("opinión"), spanish.Contains("propuestas")));
    }

    private static List<string> Titles(System.Text.Json.Nodes.JsonNode card) =>
        [.. card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "FactSet").SelectMany(f => f!["facts"]!.AsArray()).Select(f => f!["title"]!.GetValue<string>())];

    [Theory]
    [InlineData("opinión")]
    [InlineData("opinion")]
    public async Task TheSpanishWordOpensTheFormInSpanishWithOrWithoutItsAccent(string word)
    {
        await using var bot = await StartAsync();

        await bot.SayAsync(Carmen, word);

        var card = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Carmen.ConversationId))[0]);
        Assert.Equal("Compartir una opinión", SentCards.TitleOf(card));
        Assert.Contains("sigues su estado público en `propuestas`", CardReading.Said(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedFeedbackIsFiledWithTheSendersDepartmentAndTheyAreItsFirstSupporter()
    {
        await using var bot = await StartAsync();

        var id = await bot.FileAsync(Ana, "Please put a second printer on the science floor");

        var item = await bot.ItemAsync(id);
        Assert.Equal(("SCI", FeedbackState.New, 1, false), (item.DepartmentCode, item.State, item.Supporters, item.Anonymous));
        Assert.Equal(DirectorySeeding.KeyOf(Ana), item.RaiserKey);
    }

    [Fact]
    public async Task AnIncompleteFormComesBackWithWhatIsMissingAndFilesNothing()
    {
        await using var bot = await StartAsync();

        var card = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Submit, new { kind = "Idea", text = "  ", topic = "general" }));

        Assert.Contains("Choose what it is and what it is about, and write it", CardReading.Said(card), StringComparison.Ordinal);
        using var tenant = Fixtures.InHomeTenant();
        Assert.Empty(await bot.Store().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AForgedTopicIsRefusedLikeAMissingOne()
    {
        await using var bot = await StartAsync();

        var card = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Submit, new { kind = "Idea", text = "More chargers", topic = "notice:N-does-not-exist" }));

        Assert.Contains("Choose what it is and what it is about", CardReading.Said(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeTooCountsOncePerPersonAndNeverSaysWhoSupports()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Longer battery laptops for the lab");

        var first = MessageOf(await bot.SupportAsync(Gus, id));
        var again = MessageOf(await bot.SupportAsync(Gus, id));
        var raiser = MessageOf(await bot.SupportAsync(Ana, id));
        await bot.SupportAsync(Hal, id);

        Assert.Equal($"Counted: {id} now has 2 supporters. Nobody sees who they are.", first);
        Assert.Equal($"You already support {id} (or raised it). Each person counts once.", again);
        Assert.Equal(again, raiser);
        Assert.Equal(3, (await bot.ItemAsync(id)).Supporters);
        await bot.SayAsync(Carmen, "propuestas");
        var browse = SentCards.AllText(SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Carmen.ConversationId))[0]));
        Assert.Contains("Apoyos: 3", browse, StringComparison.Ordinal);
        Assert.All(new[] { Ana, Gus, Hal }, p => Assert.DoesNotContain(p.Name, browse, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentMeTooPressesAreEachCountedExactlyOnce()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "A quiet room for video calls");

        await Task.WhenAll(new[] { Gus, Hal, Carmen, Ben, Fay, Eli }.SelectMany(p => new[] { bot.SupportAsync(p, id), bot.SupportAsync(p, id) }));

        Assert.Equal(7, (await bot.ItemAsync(id)).Supporters);
    }

    [Fact]
    public async Task MeTooOnAClosedOrUnknownItemIsRefused()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Fix the broken stapler");
        await bot.MoveAsync(Eli, id, "Declined", reason: "Staplers are not IT");

        Assert.Equal("This feedback is closed: it no longer takes support.", MessageOf(await bot.SupportAsync(Gus, id)));
        Assert.Equal("I cannot find that feedback.", MessageOf(await bot.SupportAsync(Gus, "FB-NOPE99")));
    }
}
