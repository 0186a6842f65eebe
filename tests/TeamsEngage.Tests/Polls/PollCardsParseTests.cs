using System.Text.Json.Nodes;
using TeamsEngage.Features.Polls;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Tests.Polls;

public sealed class PollCardsParseTests
{
    [Fact]
    public async Task EveryPollCardParsesWithTheOfficialParserWithoutErrors()
    {
        var samples = PollCardSamples.Samples().ToList();

        var reports = await AdaptiveCardsParser.ValidateAsync(samples.Select(s => (s.Name, (JsonNode)s.Card.ToJsonNode())));

        Assert.Equal(32, reports.Count);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    [Fact]
    public void TheVotedCardRefreshesOnlyForTheVoter()
    {
        var card = PollCardSamples.Samples().Single(s => s.Name == "poll.voted.live.en").Card.ToJsonNode();

        Assert.Equal("poll.refresh", card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(["29:1ana"], card["refresh"]!["userIds"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
