using System.Text.Json.Nodes;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Features.Privacy;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Tests.Privacy;

public sealed class PrivacyCardsParseTests
{
    [Fact]
    public async Task EveryPrivacyCardParsesWithTheOfficialParserWithoutErrors()
    {
        var samples = Samples().ToList();

        var reports = await AdaptiveCardsParser.ValidateAsync(samples.Select(s => (s.Name, (JsonNode)s.Card.ToJsonNode())));

        Assert.Equal(10, reports.Count);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        var carmen = new Person("carmen", "29:carmen", "carmen", "Carmen *Ruiz*", "carmen@school.example", "SCI", Role.Member, "es", null, true);
        var link = new Uri("https://bot.school.example/privacy/exports/0123456789abcdef0123456789abcdef?exp=1&sig=00");
        foreach (var language in Texts.SupportedLanguages)
        {
            var t = Texts.For(language);
            yield return ($"privacy-search-{language}", PrivacyCards.Search(t));
            yield return ($"privacy-found-{language}", PrivacyCards.Search(t, "carmen", [carmen]));
            yield return ($"privacy-none-found-{language}", PrivacyCards.Search(t, "nobody", [], t.Format("Privacy_Erased", "12")));
            yield return ($"privacy-export-{language}", PrivacyCards.ExportReady(t, carmen, link, TimeSpan.FromMinutes(15)));
            yield return ($"privacy-erase-{language}", PrivacyCards.ConfirmErase(t, carmen));
        }
    }
}
