using static TeamsEngage.Cards.Tests.CardJsonAssert;

namespace TeamsEngage.Cards.Tests;

public class ActionSerializationTests
{
    private sealed record VoteData(string PollId, int Option, IReadOnlyList<string> Tags);

    [Fact]
    public void ExecuteActionSerializesRecordDataWithItsRuntimeShape()
    {
        var json = Serialize(new ExecuteAction("Vote", "vote")
        {
            Id = "a1",
            Data = new VoteData("p-1", 2, ["x"]),
            AssociatedInputs = AssociatedInputs.Auto,
            Style = ActionStyle.Positive,
        });

        Equal("""
            {"type":"Action.Execute","id":"a1","title":"Vote","verb":"vote",
             "data":{"pollId":"p-1","option":2,"tags":["x"]},"associatedInputs":"auto","style":"positive"}
            """, json);
    }

    [Fact]
    public void ExecuteActionCanFallBackToSubmitForOlderClients() =>
        Equal("""
            {"type":"Action.Execute","title":"Go","verb":"go",
             "fallback":{"type":"Action.Submit","title":"Go","data":{"verb":"go"}}}
            """,
            Serialize(new ExecuteAction("Go", "go") { Fallback = new SubmitAction("Go") { Data = new { verb = "go" } } }));

    [Fact]
    public void SubmitActionWritesDataAndAssociatedInputs() =>
        Equal("""{"type":"Action.Submit","title":"Send","data":{"kind":"ack"},"associatedInputs":"none"}""",
            Serialize(new SubmitAction("Send") { Data = new Dictionary<string, string> { ["kind"] = "ack" }, AssociatedInputs = AssociatedInputs.None }));

    [Fact]
    public void SubmitActionWithoutDataOmitsIt() =>
        Equal("""{"type":"Action.Submit","title":"Send"}""", Serialize(new SubmitAction("Send")));

    [Fact]
    public void OpenUrlWritesUrl() =>
        Equal("""{"type":"Action.OpenUrl","title":"Docs","url":"https://example.org/a%20b"}""",
            Serialize(new OpenUrlAction("Docs", new Uri("https://example.org/a b"))));

    [Fact]
    public void ShowCardEmbedsACardWithoutSchemaOrVersion()
    {
        var json = Serialize(new ShowCardAction("More", new AdaptiveCard(new TextBlock("x"))));

        TypeIsFirst("Action.ShowCard", json);
        Equal("""
            {"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x"}]}}
            """, json);
    }
}

public class CardUrlTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void OpenUrlRefusesUnsafeSchemes(string url) =>
        Assert.Throws<ArgumentException>(() => new OpenUrlAction("x", new Uri(url)));

    [Fact]
    public void OpenUrlRefusesRelativeUrls() =>
        Assert.Throws<ArgumentException>(() => new OpenUrlAction("x", new Uri("/status", UriKind.Relative)));

    [Fact]
    public void ImageRefusesMailto() =>
        Assert.Throws<ArgumentException>(() => new Image(new Uri("mailto:it@example.org")));

    [Fact]
    public void OpenUrlAcceptsMailto() =>
        Assert.Equal("mailto:it@example.org", new OpenUrlAction("Mail", new Uri("mailto:it@example.org")).Url.OriginalString);
}
