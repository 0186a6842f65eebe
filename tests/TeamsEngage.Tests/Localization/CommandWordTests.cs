using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Localization;

/// <summary>Replies name the command words of the person's language.</summary>
public sealed class CommandWordTests
{
    [Fact]
    public async Task ASpanishSpeakerIsOfferedSpanishCommandWordsAndAnEnglishSpeakerEnglishOnes()
    {
        await using var bot = await DirectorySeeding.StartAsync(installed: [Persona.Carmen, Persona.Ana]);

        await bot.SayAsync(Persona.Carmen, "ayda");
        await bot.SayAsync(Persona.Carmen, "halp");
        await bot.SayAsync(Persona.Carmen, "buenos días a todos");
        await bot.SayAsync(Persona.Ana, "hepl");

        var spanish = bot.SentTo(Persona.Carmen).Where(a => a.Text is { Length: > 0 }).Select(a => a.Text ?? string.Empty).ToList();
        Assert.Equal(3, spanish.Count);
        Assert.Equal("Lo siento, no lo he entendido. ¿Quisiste decir **ayuda**? Escribe **ayuda** para ver todo lo que puedo hacer.", spanish[0]);
        Assert.Equal(spanish[0], spanish[1]);
        Assert.Equal("Lo siento, no lo he entendido. Escribe **ayuda** para ver lo que puedo hacer.", spanish[2]);
        Assert.All(spanish, s => Assert.DoesNotContain("help", s, StringComparison.Ordinal));
        var english = Assert.Single(bot.SentTo(Persona.Ana), a => a.Text is { Length: > 0 });
        Assert.Equal("Sorry, I did not understand that. Did you mean **help**? Type **help** to see everything I can do.", english.Text);
    }
}
