using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static TeamsEngage.Tests.Cards.CardGallery;

namespace TeamsEngage.Tests.Cards;

/// <summary>
/// The main cards a real bot sends, rendered by the official Adaptive Cards renderer in Chromium at Teams' chat width:
/// no parse error or unknown element, the key sentences visible, every button drawn and readable, nothing wider than
/// the chat. Each card's screenshot is saved as docs/screenshots/card-&lt;name&gt;[.es].png.
/// </summary>
public sealed class CardScreenshotTests(ITestOutputHelper output)
{
    /// <summary>What each card must visibly say, in English and in Spanish.</summary>
    private static readonly Dictionary<string, (string[] En, string[] Es)> KeySentences = new()
    {
        [Welcome] = (["Welcome to TeamsEngage", "Hi Ana Torres!"], ["Bienvenido a TeamsEngage", "¡Hola, Ana Torres!"]),
        [CardGallery.Help] = (["What I can do", "Report a problem to your department's IT liaison"], ["Lo que puedo hacer", "Informa de un problema al enlace de TI de tu departamento"]),
        [ReportForm] = (["Report a problem", "It is stopping my class"], ["Informar de un problema", "Me impide dar clase"]),
        [TicketLiaison] = (["SCI-0001", "The projector in room 12 shows no picture", "Ana Torres"], ["SCI-0001", "The projector in room 12 shows no picture", "Ana Torres"]),
        [TicketReporter] = (["Your report SCI-0001", "Ben Okafor"], ["Tu incidencia SCI-0001", "Ben Okafor"]),
        [Notice] = (["Gradebook upgrade tonight", "The gradebook moves to version 5."], ["Gradebook upgrade tonight", "Qué cambia"]),
        [NoticeStatus] = (["Notice status", "Gradebook upgrade tonight"], ["Estado del aviso", "Gradebook upgrade tonight"]),
        [PollBallot] = (["Which training slot suits you?", "Wednesday lunchtime"], ["Which training slot suits you?", "Elige una respuesta"]),
        [PollResults] = (["Results (1 vote)", "1 (100%)"], ["Resultados (1 voto)", "1 (100 %)"]),
        [CardGallery.Services] = (["IT services", "Gradebook"], ["Servicios de TI", "Gradebook"]),
        [FeedbackBoard] = (["A second wireless access point in the gym", "Short video guides for the new gradebook"], ["A second wireless access point in the gym", "Propuestas de tus colegas"]),
    };

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task TheMainCardsRenderInTheOfficialRendererWithTheirSentencesAndButtonsAndFitTheChatWidth(string language)
    {
        var cards = await CollectAsync(language);
        await using var renderer = await CardRenderer.StartAsync();

        Assert.Equal(KeySentences.Keys.Order(), cards.Keys.Order());
        foreach (var (name, card) in cards)
        {
            var rendered = await renderer.RenderAsync(card, language == "en" ? name : $"{name}.{language}");
            output.WriteLine($"{name}.{language}: buttons [{string.Join(" | ", rendered.Buttons)}], width {rendered.ScrollWidth}/{rendered.ClientWidth}");

            Assert.True(rendered.Events.Count == 0, $"{name}.{language}: {string.Join("; ", rendered.Events)}");
            var sentences = language == "en" ? KeySentences[name].En : KeySentences[name].Es;
            Assert.All(sentences, s => Assert.True(rendered.Text.Contains(s, StringComparison.Ordinal), $"{name}.{language} does not show \"{s}\":\n{rendered.Text}"));
            Assert.Equal(ButtonTitles(card).Order(), rendered.Buttons.Order());
            Assert.True(rendered.ClippedButtons.Count == 0, $"{name}.{language}: cut-off buttons {string.Join(" | ", rendered.ClippedButtons)}");
            Assert.True(rendered.ScrollWidth <= rendered.ClientWidth, $"{name}.{language} is {rendered.ScrollWidth} px wide in a {rendered.ClientWidth} px chat");
            Assert.True(rendered.SticksOut.Count == 0, $"{name}.{language}: wider than the card: {string.Join(" | ", rendered.SticksOut)}");
        }
        Assert.Empty(renderer.Errors);
    }

    [Fact]
    public async Task TheRendererReportsAnUnknownElementACutOffButtonAndACardWiderThanTheChat()
    {
        await using var renderer = await CardRenderer.StartAsync();
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"Media.Player","url":"x"},
              {"type":"ColumnSet","columns":[{"type":"Column","width":"900px","items":[{"type":"TextBlock","text":"wide"}]}]}],
             "actions":[{"type":"Action.Submit","title":"A very long button title that cannot fit in one row at all"},
                        {"type":"Action.Submit","title":"Another very long button title that cannot fit either"}]}
            """)!;

        var folder = System.IO.Directory.CreateTempSubdirectory("teamsengage-cards-").FullName;
        var rendered = await renderer.RenderAsync(card, "self-check", folder);
        System.IO.Directory.Delete(folder, recursive: true);

        Assert.Contains(rendered.Events, e => e.StartsWith("UnknownElementType", StringComparison.Ordinal));
        Assert.NotEmpty(rendered.ClippedButtons);
        Assert.True(rendered.ScrollWidth > rendered.ClientWidth || rendered.SticksOut.Count > 0, "the 900 px column was not noticed");
    }

    /// <summary>The titles of every button a person can see: actions anywhere, but not those inside a show-card's hidden card.</summary>
    private static List<string> ButtonTitles(JsonNode? node)
    {
        var titles = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal) && obj["title"] is JsonValue title)
                {
                    titles.Add(title.GetValue<string>());
                }
                foreach (var (key, child) in obj)
                {
                    if (!(key == "card" && obj["type"]?.GetValue<string>() == "Action.ShowCard") && key != "selectAction")
                    {
                        titles.AddRange(ButtonTitles(child));
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    titles.AddRange(ButtonTitles(child));
                }
                break;
        }
        return titles;
    }
}
