using System.Text.Json.Nodes;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Services;

public sealed class ServiceDeflectionTests
{
    [Fact]
    public async Task AQuestionIsAnsweredWithTheBestFaqEntryBeforeTheReportFormIsOffered()
    {
        await using var bot = await ServiceWorld.StartAsync();

        await bot.SayAsAsync(Ana, "How can I connect my phone to the staff wifi?");

        var card = bot.LastCardTo(Ana);
        Assert.Equal("This may answer it", SentCards.TitleOf(card));
        Assert.Equal("How do I connect my phone to the staff network?", CardReading.Texts(card)[1]);
        Assert.DoesNotContain("gradebook", CardReading.Said(card), StringComparison.OrdinalIgnoreCase);
        var report = ServiceWorld.Buttons(card).Single(b => b.Verb == "report.open");
        Assert.Equal("wifi", report.Data!["serviceId"]!.GetValue<string>());

        await bot.ActAsync(Ana, "report.open", report.Data);

        var form = bot.LastCardTo(Ana);
        Assert.Contains("About: Wi-Fi", CardReading.Said(form), StringComparison.Ordinal);
        Assert.Equal("How can I connect my phone to the staff wifi?", Input(form, "description")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASpanishQuestionIsAnsweredInSpanish()
    {
        await using var bot = await ServiceWorld.StartAsync();

        await bot.SayAsAsync(Carmen, "¿Cómo conecto el teléfono a la red del colegio?");

        var card = bot.LastCardTo(Carmen);
        Assert.Equal("Esto puede responderte", SentCards.TitleOf(card));
        Assert.Equal("¿Cómo conecto mi teléfono a la red del personal?", CardReading.Texts(card)[1]);
        Assert.DoesNotContain("How do I", CardReading.Said(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProblemAnFaqAnswersGetsTheAnswerFirstAndOneNothingAnswersGetsTheForm()
    {
        await using var bot = await ServiceWorld.StartAsync();

        await bot.SayAsAsync(Ana, "My gradebook password does not work");
        var answered = bot.LastCardTo(Ana);
        await bot.SayAsAsync(Gus, "The projector in room 5 is broken");
        var form = bot.LastCardTo(Gus);

        Assert.Equal("How do I reset my gradebook password?", CardReading.Texts(answered)[1]);
        Assert.Equal("Report a problem", SentCards.TitleOf(form));
        Assert.Contains("input:description", CardReading.BodyOutline(form));
    }

    [Fact]
    public async Task AQuestionThatSharesOnlyOneCommonWordWithAnEntryIsNotAnsweredWithIt()
    {
        await using var bot = await ServiceWorld.StartAsync();

        await bot.SayAsAsync(Ana, "Why is the printer in the library so slow?");
        await bot.SayAsAsync(Carmen, "¿Dónde está la biblioteca?");

        Assert.DoesNotContain(bot.SentTo(Ana), a => a.Attachments is { Count: > 0 } && SentCards.TitleOf(a) == "This may answer it");
        Assert.DoesNotContain(bot.SentTo(Carmen), a => a.Attachments is { Count: > 0 } && SentCards.TitleOf(a) == "Esto puede responderte");
        Assert.NotEmpty(bot.SentTo(Ana));
        Assert.NotEmpty(bot.SentTo(Carmen));
    }

    private static JsonNode Input(JsonNode card, string id) =>
        card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == id)!;
}
