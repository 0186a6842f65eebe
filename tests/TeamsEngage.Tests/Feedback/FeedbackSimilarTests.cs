using TeamsEngage.Features.Feedback;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

/// <summary>Near-duplicates are offered before filing, with realistic wording in both languages.</summary>
public sealed class FeedbackSimilarTests
{
    [Theory]
    [InlineData("The Wi-Fi in the library drops every afternoon", "wifi keeps dropping in the library after lunch")]
    [InlineData("Please give us a second printer on the science floor", "We need another printer for the science floor")]
    [InlineData("The laptops in the cart never hold their charge", "laptop cart batteries don't hold a charge")]
    public async Task AnItemWordedAlikeIsOfferedBeforeANewOneIsFiled(string existing, string typed)
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Gus, existing);

        var card = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Submit, new { kind = "Complaint", text = typed, topic = "general", anonymous = "false" }));

        Assert.Equal("Is it one of these?", SentCards.TitleOf(card));
        Assert.Contains(id, card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["Send mine anyway"], CardReading.ActionTitles(card));
        using var tenant = Fixtures.InHomeTenant();
        Assert.Single(await bot.Store().ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("El wifi de la biblioteca se cae todas las tardes", "Se cae el wifi en la biblioteca por la tarde")]
    [InlineData("Necesitamos otra impresora en la planta de ciencias", "Pedimos una impresora más para ciencias")]
    public async Task InSpanishAnItemWordedAlikeIsOfferedToo(string existing, string typed)
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Carmen, existing);

        var card = CardOf(await bot.ExecuteAsync(Carmen, FeedbackVerbs.Submit, new { kind = "Idea", text = typed, topic = "general", anonymous = "false" }));

        Assert.Equal("¿Es una de estas?", SentCards.TitleOf(card));
        Assert.Contains(id, card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["Enviar la mía igualmente"], CardReading.ActionTitles(card));
    }

    [Theory]
    [InlineData("The Wi-Fi in the library drops every afternoon", "The projector in room 12 shows no picture")]
    [InlineData("Please give us a second printer on the science floor", "Thank you for fixing the library computers so fast")]
    [InlineData("El wifi de la biblioteca se cae todas las tardes", "El proyector del aula 12 no enciende")]
    public async Task UnrelatedWordingIsFiledAtOnce(string existing, string typed)
    {
        await using var bot = await StartAsync();
        await bot.FileAsync(Gus, existing);

        var card = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Submit, new { kind = "Idea", text = typed, topic = "general", anonymous = "false" }));

        Assert.StartsWith("Thank you: your feedback is FB-", SentCards.TitleOf(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendingMineAnywayFilesItAndMeTooOnTheOfferedItemSupportsIt()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Gus, "The Wi-Fi in the library drops every afternoon");
        var offered = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Submit, new { kind = "Complaint", text = "library wifi drops", topic = "general", anonymous = "true" }));
        var anyway = offered["actions"]![0]!["data"]!;

        await bot.SupportAsync(Ana, id);
        var filed = CardOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Submit, anyway));

        Assert.Equal("true", anyway["fileAnyway"]!.GetValue<string>());
        Assert.Equal(2, (await bot.ItemAsync(id)).Supporters);
        var mine = await bot.ItemAsync(SentCards.TitleOf(filed)!.Split(' ')[^1]);
        Assert.Equal(("library wifi drops", true), (mine.Text, mine.Anonymous));
    }
}
