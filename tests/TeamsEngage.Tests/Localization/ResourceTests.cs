using System.Globalization;
using System.Text.RegularExpressions;
using TeamsEngage.Commands;
using TeamsEngage.Localization;

namespace TeamsEngage.Tests.Localization;

public sealed partial class ResourceTests
{
    [Fact]
    public void SpanishHasExactlyTheKeysOfEnglish()
    {
        var english = Texts.AllKeys().ToList();
        var spanish = Texts.KeysOf("es").ToList();

        Assert.NotEmpty(english);
        Assert.Equal(english, spanish);
    }

    [Fact]
    public void EveryTranslationKeepsThePlaceholdersOfTheEnglishText()
    {
        var english = Texts.For("en");
        var spanish = Texts.For("es");
        foreach (var key in Texts.AllKeys())
        {
            Assert.True(Placeholders(english[key]).SetEquals(Placeholders(spanish[key])), $"Placeholders differ for {key}");
        }
    }

    [Fact]
    public void EveryCommandHasADescriptionInBothLanguages()
    {
        foreach (var command in BotCommands.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(Texts.For("en")[command.DescriptionKey]));
            Assert.NotEqual(Texts.For("en")[command.DescriptionKey], Texts.For("es")[command.DescriptionKey]);
        }
    }

    [Theory]
    [InlineData(null, "es-MX", "es")]
    [InlineData("en", "es-ES", "en")]
    [InlineData("es", null, "es")]
    [InlineData(null, "fr-FR", "en")]
    [InlineData("de", "pt-BR", "en")]
    [InlineData(null, null, "en")]
    public void APersonsChosenLanguageWinsOverTheirClientsLocale(string? chosen, string? client, string expected)
    {
        Assert.Equal(expected, Texts.For(chosen, client).Language);
    }

    [Fact]
    public void AMissingKeyIsAProgrammingErrorNotAnEmptyString()
    {
        Assert.Throws<KeyNotFoundException>(() => Texts.English["No_Such_Key"]);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
