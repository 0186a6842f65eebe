using TeamsEngage.Bot;
using System.Text.Json.Nodes;
using TeamsEngage.Cards;
using TeamsEngage.Commands;
using TeamsEngage.Features.Directory;
using TeamsEngage.Features.Help;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Tests.Cards;

/// <summary>The foundation's cards, in both languages, through the official Adaptive Cards parser and snapshots.</summary>
public sealed class CardCatalogTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        foreach (var language in Texts.SupportedLanguages)
        {
            var texts = Texts.For(language);
            yield return ($"welcome.{language}", WelcomeCards.Welcome(texts));
            foreach (var role in Enum.GetValues<Role>())
            {
                yield return ($"help.{role}.{language}".ToLowerInvariant(), HelpCards.Help(texts, BotCommands.All.Where(c => Allowed(c, role)), role));
            }
        }
    }

    [Fact]
    public async Task EveryFoundationCardPassesTheOfficialParser()
    {
        var reports = await AdaptiveCardsParser.ValidateAsync(Samples().Select(s => (s.Name, (JsonNode)s.Card.ToJsonNode())));

        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(Samples().Count(), reports.Count);
    }

    [Theory]
    [InlineData("welcome.en")]
    [InlineData("welcome.es")]
    [InlineData("help.administrator.en")]
    [InlineData("help.member.es")]
    public void FoundationCardsMatchTheirSnapshots(string name)
    {
        var card = Samples().Single(s => s.Name == name).Card;

        Snapshot.Match(name, card.ToJson());
    }

    private static bool Allowed(BotCommand command, Role role) => command.Audience switch
    {
        Who.Everyone => true,
        Who.Staff => role >= Role.Liaison,
        _ => role >= Role.Administrator,
    };
}
