using System.Text.Json.Nodes;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Tests.Tickets;

public sealed class TicketCardCatalogTests
{
    [Fact]
    public async Task EveryTicketCardPassesTheOfficialParser()
    {
        var samples = TicketCardSamples.Samples().ToList();

        var reports = await AdaptiveCardsParser.ValidateAsync(samples.Select(s => (s.Name, (JsonNode)s.Card.ToJsonNode())));

        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(samples.Count, reports.Count);
        Assert.Equal(samples.Count, samples.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void TypedTextNeverReachesACardAsMarkdown()
    {
        var texts = TeamsEngage.Localization.Texts.English;
        var ticket = new Ticket("SCI-0001", "SCI", "Science", "29:x", null, "**Eve**", "[click](http://evil.example)", "*Room*", TicketUrgency.Whenever, null,
                TicketStatus.Open, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 2, false, null, null, null);

        var json = TicketStaffCards.Ticket(ticket, [], texts, TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch, []).ToJson();

        Assert.Contains("\"type\":\"RichTextBlock\"", json, StringComparison.Ordinal);
        Assert.Contains(@"\\*\\*Eve\\*\\*", json, StringComparison.Ordinal);
        Assert.Contains(@"\\*Room\\*", json, StringComparison.Ordinal);
    }
}
