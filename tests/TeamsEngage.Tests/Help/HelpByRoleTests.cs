using System.Text.Json.Nodes;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Help;

/// <summary>Help speaks to the person's role and offers the commands they use most as buttons that type them.</summary>
public sealed class HelpByRoleTests
{
    private static readonly Persona Admin = Persona.Create("Ines Admin", "ines-admin");
    private static readonly Persona Lia = Persona.Create("Lia Liaison", "lia-liaison");
    private static readonly Persona Mia = Persona.Create("Mia Member", "mia-member");

    [Theory]
    [InlineData("en-US", "help", new[] { "report", "my issues", "services", "profile" }, new[] { "queue", "triage", "report", "profile" }, new[] { "announce", "poll", "polls", "reports", "queue" })]
    [InlineData("es-MX", "ayuda", new[] { "reportar", "mis incidencias", "servicios", "perfil" }, new[] { "cola", "clasificar", "reportar", "perfil" }, new[] { "anunciar", "encuesta", "encuestas", "informes", "cola" })]
    public async Task EachRoleGetsButtonsForItsCommonCommandsInItsLanguage(string locale, string word, string[] member, string[] liaison, string[] administrator)
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"SCI department,SCI,{DirectorySeeding.EmailOf(Lia)},,24",
            people: $"{DirectorySeeding.EmailOf(Lia)},SCI,liaison,\n{DirectorySeeding.EmailOf(Mia)},SCI,member,",
            administrators: [Admin],
            installed: [Admin, Lia, Mia]);
        var cards = new List<JsonNode>();

        foreach (var (persona, expected) in new[] { (Mia, member), (Lia, liaison), (Admin, administrator) })
        {
            var asked = persona.WithLocale(locale);
            await bot.SayAsync(asked, word);
            var card = SentCards.CardOf(bot.SentTo(asked)[^1]);
            cards.Add(card);

            Assert.Equal(expected, CardReading.ActionTitles(card));
            Assert.All(card["actions"]!.AsArray(), a =>
            {
                Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>());
                Assert.Equal("imBack", a["data"]!["msteams"]!["type"]!.GetValue<string>());
                Assert.Equal(a["title"]!.GetValue<string>(), a["data"]!["msteams"]!["value"]!.GetValue<string>());
            });
        }

        var intros = cards.Select(c => CardReading.Texts(c)[1]).ToList();
        Assert.Equal(3, intros.Distinct().Count());
        Assert.Contains(liaison[0], intros[1], StringComparison.Ordinal);
        var reports = await AdaptiveCardsParser.ValidateAsync(cards.Select((c, i) => ($"help.{i}.{locale}", c)));
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    [Fact]
    public async Task AButtonOfTheHelpCardRunsItsCommandAsIfTyped()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: "SCI department,SCI,,,24",
            people: $"{DirectorySeeding.EmailOf(Mia)},SCI,member,",
            administrators: [Admin],
            installed: [Admin, Mia]);
        await bot.SayAsync(Mia, "help");
        var button = SentCards.CardOf(bot.SentTo(Mia)[^1])["actions"]![2]!;

        await bot.SayAsync(Mia, button["data"]!["msteams"]!["value"]!.GetValue<string>());

        var reply = bot.SentTo(Mia)[^1];
        Assert.NotEqual("What I can do", reply.Attachments is { Count: > 0 } ? SentCards.TitleOf(reply) : null);
        Assert.DoesNotContain("did not understand", reply.Text ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "hlep", "Did you mean **help**?", "help")]
    [InlineData("es-MX", "ayda", "¿Quisiste decir **ayuda**?", "ayuda")]
    public async Task AMistypedCommandIsSuggestedWithAButtonThatTypesTheSuggestion(string locale, string typo, string sentence, string word)
    {
        await using var bot = await BotApplication.StartAsync();
        var ana = Persona.Ana.WithLocale(locale);

        await bot.SayAsync(ana, typo);

        var reply = Assert.Single(bot.SentTo(ana));
        Assert.Contains(sentence, reply.Text, StringComparison.Ordinal);
        var card = SentCards.CardOf(reply);
        var button = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(word, button["title"]!.GetValue<string>());
        Assert.Equal("imBack", button["data"]!["msteams"]!["type"]!.GetValue<string>());
        Assert.Equal(word, button["data"]!["msteams"]!["value"]!.GetValue<string>());
        var report = await AdaptiveCardsParser.ValidateAsync("did-you-mean." + locale, card);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task ALiaisonsHelpNamesTheDepartmentsSheCoversInHerLanguageAndSaysSoWhenSheCoversNone()
    {
        var carla = Persona.Create("Carla Enlace", "carla-liaison", "es-MX");
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"Science,SCI,{DirectorySeeding.EmailOf(Lia)},,24\nMathematics,MAT,,{DirectorySeeding.EmailOf(Lia)},24\nArt,ART,,,24",
            people: $"{DirectorySeeding.EmailOf(Lia)},SCI,liaison,\n{DirectorySeeding.EmailOf(carla)},ART,liaison,es",
            administrators: [Admin],
            installed: [Admin, Lia, carla]);

        await bot.SayAsync(Lia, "help");
        await bot.SayAsync(carla, "ayuda");

        var lia = CardReading.Texts(SentCards.CardOf(bot.SentTo(Lia)[^1]));
        var hers = CardReading.Texts(SentCards.CardOf(bot.SentTo(carla)[^1]));
        Assert.Contains("You cover Mathematics, Science: their issues come to you.", lia);
        Assert.Contains("Todavía ningún departamento te tiene como enlace o suplente: un administrador lo indica en departamentos.", hers);
        await bot.SayAsync(Admin, "help");
        Assert.DoesNotContain(CardReading.Texts(SentCards.CardOf(bot.SentTo(Admin)[^1])), t => t.StartsWith("You cover", StringComparison.Ordinal));
    }
}
