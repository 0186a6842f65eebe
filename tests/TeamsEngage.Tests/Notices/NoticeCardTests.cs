using System.Text.Json.Nodes;
using TeamsEngage.Bot;
using TeamsEngage.Features.Notices;
using TeamsEngage.Localization;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Tests.Notices;

public sealed class NoticeCardTests
{
    [Fact]
    public async Task EveryNoticeCardPassesTheOfficialParser()
    {
        var samples = NoticeCardSamples.Samples().ToList();

        var reports = await AdaptiveCardsParser.ValidateAsync(samples.Select(s => (s.Name, (JsonNode)s.Card.ToJsonNode())));

        Assert.Equal(samples.Count, reports.Count);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(samples.Count, samples.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void TheTitleIsShownLiterallyAndNeverAsMarkdown()
    {
        var card = NoticeCards.Notice(NoticeCardSamples.SampleNotice(), Texts.English, null, new NoticeView()).ToJsonNode();

        var runs = Runs(card).ToList();
        Assert.Contains("Gradebook upgrade *tonight* <b>", runs);
        Assert.DoesNotContain(TextBlocks(card), t => t.Contains("tonight", StringComparison.Ordinal));
    }

    [Fact]
    public void ARecipientCardOffersAcknowledgeAndAShortConcernFormNamingTheNotice()
    {
        var card = NoticeCards.Notice(NoticeCardSamples.SampleNotice(), Texts.English, null, new NoticeView()).ToJsonNode();

        var actions = card["actions"]!.AsArray();
        Assert.Equal(NoticeVerbs.Acknowledge, actions[0]!["verb"]!.GetValue<string>());
        Assert.Equal("n20261120-0a1b2c3d", actions[0]!["data"]!["noticeId"]!.GetValue<string>());
        Assert.Equal(("Action.ShowCard", "I have a concern"), (actions[1]!["type"]!.GetValue<string>(), actions[1]!["title"]!.GetValue<string>()));
        var form = actions[1]!["card"]!;
        Assert.Equal("concern", form["body"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(NoticeVerbs.Concern, form["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal("n20261120-0a1b2c3d", form["actions"]![0]!["data"]!["noticeId"]!.GetValue<string>());
    }

    [Fact]
    public void AfterAcknowledgingTheCardSaysSoAndOffersOnlyTheConcern()
    {
        var card = NoticeCards.Notice(NoticeCardSamples.SampleNotice(), Texts.English, null, new NoticeView(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero))).ToJsonNode();

        var verbs = NoticeFlow.Actions(card).Select(a => a["verb"]!.GetValue<string>()).ToList();
        Assert.Equal([NoticeVerbs.Concern], verbs);
        Assert.Contains(TextBlocks(card), t => t.StartsWith("You acknowledged this notice on Sat 21 Nov, 3:00", StringComparison.Ordinal) && t.Contains("(Central time)", StringComparison.Ordinal));
    }

    [Fact]
    public void ACancelledCardSaysSoAndHasNoButtons()
    {
        var notice = NoticeCardSamples.SampleNotice() with { State = NoticeState.Cancelled };

        var card = NoticeCards.Notice(notice, Texts.For("es"), null, new NoticeView()).ToJsonNode();

        Assert.Null(card["actions"]);
        Assert.Contains(TextBlocks(card), t => t.StartsWith("Este aviso se ha cancelado", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(NoticeImpact.None, "good")]
    [InlineData(NoticeImpact.Disruption, "warning")]
    [InlineData(NoticeImpact.Unavailable, "attention")]
    public void TheBannerTakesTheColourOfTheImpact(NoticeImpact impact, string style)
    {
        var card = NoticeCards.Notice(NoticeCardSamples.SampleNotice(impact: impact), Texts.English, null, new NoticeView()).ToJsonNode();

        Assert.Equal(style, card["body"]![0]!["style"]!.GetValue<string>());
    }

    internal static IEnumerable<string> Runs(JsonNode card) => Walk(card)
        .Where(n => n["type"]?.GetValue<string>() == "TextRun").Select(n => n["text"]!.GetValue<string>());

    internal static IEnumerable<string> TextBlocks(JsonNode card) => Walk(card)
        .Where(n => n["type"]?.GetValue<string>() == "TextBlock").Select(n => n["text"]!.GetValue<string>());

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.SelectMany(p => Walk(p.Value)))
            {
                yield return child;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.SelectMany(Walk))
            {
                yield return child;
            }
        }
    }
}
