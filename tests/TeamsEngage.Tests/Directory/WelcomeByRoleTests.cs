using System.Text.Json.Nodes;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

/// <summary>The welcome greets the person by name and tells each role what it is for, with buttons for its common commands.</summary>
public sealed class WelcomeByRoleTests
{
    [Theory]
    [InlineData("en-US", "Hi {0}!", "You are the IT liaison for Science: their issues come to you here. Type queue to see them.", "You are an administrator", "Show what I can do", new[] { "report", "my issues", "services" }, new[] { "queue", "triage", "report" }, new[] { "announce", "poll", "polls" })]
    [InlineData("es-MX", "¡Hola, {0}!", "Eres el enlace de TI de Science: sus incidencias te llegan aquí. Escribe cola para verlas.", "Administras TeamsEngage", "Ver ayuda", new[] { "reportar", "mis incidencias", "servicios" }, new[] { "cola", "clasificar", "reportar" }, new[] { "anunciar", "encuesta", "encuestas" })]
    public async Task EachRoleIsGreetedByNameAndToldWhatItsRoleIsForWithButtons(string locale, string hello, string liaisonLine, string administratorLine, string showHelp, string[] member, string[] liaison, string[] administrator)
    {
        var mia = Persona.Create("Mia Member", "mia-member", locale);
        var lia = Persona.Create("Lia Liaison", "lia-liaison", locale);
        var ines = Persona.Create("Ines Admin", "ines-admin", locale);

        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"Science,SCI,{DirectorySeeding.EmailOf(lia)},,24",
            people: $"{DirectorySeeding.EmailOf(lia)},SCI,liaison,\n{DirectorySeeding.EmailOf(mia)},SCI,member,",
            administrators: [ines]);
        foreach (var persona in new[] { ines, lia, mia })
        {
            await bot.InstallAsync(persona);
        }

        var cards = new List<JsonNode>();
        foreach (var (persona, buttons, line) in new[] { (mia, member, (string?)null), (lia, liaison, liaisonLine), (ines, administrator, administratorLine) })
        {
            var welcome = SentCards.CardOf(Assert.Single(bot.SentTo(persona)));
            cards.Add(welcome);
            var said = CardReading.Texts(welcome);
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, hello, persona.Name), said);
            if (line is not null)
            {
                Assert.Contains(said, t => t.StartsWith(line, StringComparison.Ordinal));
            }
            Assert.Equal([showHelp, .. buttons], CardReading.ActionTitles(welcome));
        }

        var reports = await AdaptiveCardsParser.ValidateAsync(cards.Select((c, i) => ($"welcome.{i}.{locale}", c)));
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }
}
