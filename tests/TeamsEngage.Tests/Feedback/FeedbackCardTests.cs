using System.Text.Json.Nodes;
using TeamsEngage.Cards;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Localization;
using TeamsEngage.Outcomes;
using TeamsEngage.People;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Tests.Feedback;

/// <summary>Every feedback card, in both languages, through the official Adaptive Cards parser.</summary>
public sealed class FeedbackCardTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    public static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        var named = new FeedbackItem("FB-ABC234", FeedbackKind.Idea, "**More** [chargers](http://evil.example)", "notice:N-1", "Gradebook *upgrade*", "SCI", false, "k", "29:x", At, FeedbackState.Planned, 4, new DateOnly(2027, 1, 10));
        var anonymous = named with { Id = "FB-XYZ789", Anonymous = true, RaiserKey = null, RaiserUserId = null, State = FeedbackState.Declined, Reason = "No _budget_" };
        var topics = new[] { new FeedbackTopic("notice:N-1", "Gradebook upgrade") };
        var change = new FeedbackChange(named.Id, 2, FeedbackState.UnderReview, FeedbackState.Planned, "k", At, new DateOnly(2027, 1, 10), null, null);
        var declined = change with { To = FeedbackState.Declined, Reason = "No budget" };
        var digest = new Digest("D-1", "You said, we did", "- Done: chargers (FB-ABC234)", Audience.Everyone, At);
        foreach (var language in Texts.SupportedLanguages)
        {
            var texts = Texts.For(language);
            yield return ($"form.{language}", FeedbackCards.Form(texts, topics, new SubmitData(Topic: "notice:N-1"), texts.Feedback_FormIncomplete(1000)));
            yield return ($"similar.{language}", FeedbackCards.Similar(texts, [named, anonymous], new SubmitData(Kind: "Idea", Text: "chargers")));
            yield return ($"filed.{language}", FeedbackCards.Filed(texts, named));
            yield return ($"filed-anonymous.{language}", FeedbackCards.Filed(texts, anonymous));
            yield return ($"browse.{language}", FeedbackCards.Browse(texts, new BrowseView("department", "newest", 1, 3, "SCI", [named])));
            yield return ($"browse-empty.{language}", FeedbackCards.Browse(texts, new BrowseView("district", "supported", 0, 1, null, [])));
            yield return ($"outcome-planned.{language}", FeedbackCards.Outcome(texts, named with { AnsweredBy = "Gradebook" }, change));
            yield return ($"outcome-declined.{language}", FeedbackCards.Outcome(texts, anonymous, declined));
            yield return ($"board.{language}", FeedbackBoardCards.Board(texts, new BoardView(new BoardData(State: "Planned"), 1, 3, 12, ["ART", "SCI"], topics, [named, anonymous])));
            yield return ($"board-empty.{language}", FeedbackBoardCards.Board(texts, new BoardView(new BoardData(), 0, 1, 0, [], [], [])));
            yield return ($"item.{language}", FeedbackBoardCards.Item(texts, named, [change], TimeZoneInfo.Utc));
            yield return ($"item-closed.{language}", FeedbackBoardCards.Item(texts, anonymous, [declined], TimeZoneInfo.Utc));
            yield return ($"moved.{language}", FeedbackBoardCards.Moved(texts, named));
            yield return ($"item-with-ticket.{language}", FeedbackBoardCards.Item(texts, named with { TicketId = "SCI-0042" }, [change], TimeZoneInfo.Utc));
            var urgencies = new[] { new Choice("It is stopping my class", "StoppingClass"), new Choice("Whenever you can", "Whenever") };
            yield return ($"ticket-form.{language}", FeedbackBoardCards.TicketForm(texts, named, urgencies));
            yield return ($"ticket-form-anonymous-errors.{language}", FeedbackBoardCards.TicketForm(texts, anonymous, urgencies, new ItemTicketData(anonymous.Id, "x", " ", "Soon"), new TicketFormErrors(null, "Say where.", "Choose how urgent it is.")));
            yield return ($"ticket-opened.{language}", FeedbackBoardCards.TicketOpened(texts, named, "SCI-0042"));
            yield return ($"ticket-opened-anonymous.{language}", FeedbackBoardCards.TicketOpened(texts, anonymous, "SCI-0042"));
            yield return ($"digest-composer.{language}", DigestCards.Composer(texts, new DigestForm("T", "Text", "Everyone", "", At.ToString("O")), 3, (At, TimeZoneInfo.Utc), new DigestReach(10, 8, 1, 1), texts.Feedback_DigestIncomplete));
            yield return ($"digest-preview.{language}", DigestCards.Preview(texts, digest, 120));
            yield return ($"digest.{language}", DigestCards.Digest(texts, digest));
            yield return ($"digest-reach.{language}", DigestCards.Reach(texts, digest, new DigestReach(10, 8, 1, 1)));
        }
    }

    [Fact]
    public async Task EveryFeedbackCardPassesTheOfficialParser()
    {
        var samples = Samples().ToList();

        var reports = await AdaptiveCardsParser.ValidateAsync(samples.Select(s => (s.Name, (JsonNode)s.Card.ToJsonNode())));

        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(samples.Count, reports.Count);
    }

    [Fact]
    public void TypedTextNeverReachesAFeedbackCardAsMarkdown()
    {
        // Markdown is read in TextBlocks only; typed text goes in TextRuns (never markdown) or is escaped.
        var markdown = Samples().SelectMany(s => Blocks(s.Card.ToJsonNode())).ToList();

        Assert.DoesNotContain(markdown, t => t.Contains("**More**", StringComparison.Ordinal) || t.Contains("Gradebook *upgrade*", StringComparison.Ordinal) || t.Contains("No _budget_", StringComparison.Ordinal));
        Assert.Contains(markdown, t => t.Contains(@"Gradebook \*upgrade\*", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Blocks(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(p => Blocks(p.Value)),
        JsonArray a => a.SelectMany(Blocks),
        _ => [],
    };

    [Fact]
    public void NoFeedbackCardNamesASupporterOrAnAnonymousSender()
    {
        var json = string.Join('\n', Samples().Select(s => s.Card.ToJson()));

        Assert.DoesNotContain("29:x", json, StringComparison.Ordinal);
    }
}
