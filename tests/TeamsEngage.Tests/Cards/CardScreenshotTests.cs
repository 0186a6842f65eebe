using System.Text.Json.Nodes;
using TeamsEngage.Tests.Support;
using Xunit.Abstractions;
using static TeamsEngage.Tests.Cards.CardGallery;

namespace TeamsEngage.Tests.Cards;

/// <summary>
/// The main cards a real bot sends, rendered by the official Adaptive Cards renderer in Chromium at Teams' chat width:
/// no parse error or unknown element, the key sentences visible, every button drawn, nothing wider than the chat.
/// Each card's screenshot is saved as docs/screenshots/card-&lt;name&gt;[.es].png.
/// </summary>
public sealed class CardScreenshotTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task TheMainCardsRenderInTheOfficialRendererWithTheirSentencesAndButtonsAndFitTheChatWidth(string language)
    {
        var cards = await CollectAsync(language);
        await using var renderer = await CardRenderer.StartAsync();

        foreach (var (name, card) in cards)
        {
            var rendered = await renderer.RenderAsync(card, language == "en" ? name : $"{name}.{language}");
            output.WriteLine($"== {name}.{language}: buttons [{string.Join(" | ", rendered.Buttons)}] width {rendered.ScrollWidth}/{rendered.ClientWidth} events [{string.Join("; ", rendered.Events)}] clipped [{string.Join(" | ", rendered.ClippedButtons)}] out [{string.Join(" | ", rendered.SticksOut)}]");
            output.WriteLine(rendered.Text);
        }
        Assert.Empty(renderer.Errors);
    }
}
