using System.Text.Json;
using System.Text.Json.Nodes;
using static TeamsEngage.Cards.Tests.CardJsonAssert;

namespace TeamsEngage.Cards.Tests;

public class CardSerializationTests
{
    [Fact]
    public void EmptyCardHasTypeSchemaVersionAndBody() =>
        Equal("""
            {"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[]}
            """, new AdaptiveCard().ToJsonNode());

    [Fact]
    public void RefreshWritesExecuteActionWithDiscriminatorAndUserIds()
    {
        var card = new AdaptiveCard(new TextBlock("x"))
        {
            Refresh = new CardRefresh(new ExecuteAction("Refresh", "refresh")) { UserIds = ["29:a", "29:b"] },
            FallbackText = "x",
            MsTeams = TeamsCardOptions.FullWidth,
        };

        Equal("""
            {"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5",
             "body":[{"type":"TextBlock","text":"x"}],
             "refresh":{"action":{"type":"Action.Execute","title":"Refresh","verb":"refresh"},"userIds":["29:a","29:b"]},
             "fallbackText":"x","msteams":{"width":"Full"}}
            """, card.ToJsonNode());
    }

    [Fact]
    public void EmptyUserIdsAreKeptBecauseTheyMeanManualRefreshOnly()
    {
        var refresh = new AdaptiveCard { Refresh = new CardRefresh(new ExecuteAction("R", "r")) { UserIds = [] } }
            .ToJsonNode()["refresh"]!;

        Assert.Equal("[]", refresh["userIds"]!.ToJsonString());
    }

    [Fact]
    public void RefreshRefusesMoreThanSixtyUsers()
    {
        var users = Enumerable.Range(0, CardRefresh.MaxUserIds + 1).Select(i => $"29:{i}").ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => new CardRefresh(new ExecuteAction("R", "r")) { UserIds = users });
    }

    [Fact]
    public void ToJsonAndToJsonNodeAgree()
    {
        var card = SampleCards.EveryElementAndAction();

        Assert.Equal(card.ToJsonNode().ToJsonString(), JsonNode.Parse(card.ToJson())!.ToJsonString());
    }

    [Fact]
    public void ActionDataRecordRoundTripsThroughCardJson()
    {
        var json = SampleCards.EveryElementAndAction().ToJsonNode();

        var data = json["actions"]![0]!["data"].Deserialize<ReportIssueData>(CardJson.Options);

        Assert.Equal(new ReportIssueData("reportIssue", SampleCards.NoticeId, 3), data);
    }

    [Fact]
    public void NoNullIsEverWritten()
    {
        var text = SampleCards.EveryElementAndAction().ToJson();

        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryElementAndActionWritesItsTypeFirst()
    {
        var types = new List<string>();
        Visit(SampleCards.EveryElementAndAction().ToJsonNode(), types);

        Assert.Superset(
            new HashSet<string>
            {
                "AdaptiveCard", "TextBlock", "RichTextBlock", "TextRun", "FactSet", "ColumnSet", "Column", "Container",
                "Image", "ActionSet", "Input.Text", "Input.ChoiceSet", "Input.Toggle", "Input.Date", "Input.Time",
                "Input.Number", "Action.Execute", "Action.Submit", "Action.OpenUrl", "Action.ShowCard",
            },
            types.ToHashSet());
    }

    [Fact]
    public void OptionsAreSharedAndReadOnly()
    {
        Assert.Same(CardJson.Options, CardJson.Options);
        Assert.True(CardJson.Options.IsReadOnly);
    }

    private static void Visit(JsonNode? node, List<string> types)
    {
        switch (node)
        {
            case JsonObject obj when obj.ContainsKey("type"):
                TypeIsFirst(obj["type"]!.GetValue<string>(), obj);
                types.Add(obj["type"]!.GetValue<string>());
                foreach (var (key, child) in obj.Where(p => p.Key != "data"))
                {
                    Visit(child, types);
                }
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Visit(child, types);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Visit(child, types);
                }
                break;
        }
    }
}
