using System.Text.Json.Nodes;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Cards.Tests;

public class OfficialParserTests
{
    [Fact]
    public async Task SampleCardWithEveryElementAndActionParsesWithoutErrors()
    {
        var report = await AdaptiveCardsParser.ValidateAsync("sample", SampleCards.EveryElementAndAction().ToJsonNode());

        Assert.True(report.IsValid, report.ToString());
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public async Task ReportsComeBackInOrderForABatch()
    {
        var reports = await AdaptiveCardsParser.ValidateAsync(
        [
            ("first", new AdaptiveCard(new TextBlock("a")).ToJsonNode()),
            ("second", new AdaptiveCard(new TextBlock("")).ToJsonNode()),
            ("third", new AdaptiveCard(CardText.UserText("c")).ToJsonNode()),
        ]);

        Assert.Equal(["first", "second", "third"], reports.Select(r => r.Name));
        Assert.Equal([true, false, true], reports.Select(r => r.IsValid));
    }

    [Fact]
    public async Task RequiredInputWithoutLabelIsFlagged()
    {
        var card = new AdaptiveCard(new TextInput("comment") { IsRequired = true });

        var report = await AdaptiveCardsParser.ValidateAsync("unlabelled", card.ToJsonNode());

        Assert.Contains(report.Errors, e => e.Contains("RequiredInputsShouldHaveLabel", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Contains("RequiredInputsShouldHaveErrorMessage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DuplicateInputIdsAreFlagged()
    {
        var card = new AdaptiveCard(new TextInput("same"), new NumberInput("same"));

        var report = await AdaptiveCardsParser.ValidateAsync("duplicate", card.ToJsonNode());

        Assert.Contains(report.Errors, e => e.Contains("DuplicateId", StringComparison.Ordinal));
    }
}

/// <summary>Hand-written invalid cards, all validated in one node run.</summary>
public sealed class InvalidCardTests : IClassFixture<InvalidCardTests.Reports>
{
    private readonly Reports _reports;

    public InvalidCardTests(Reports reports) => _reports = reports;

    public static TheoryData<string, string> Cases => new()
    {
        { "misspelled element", "UnknownElementType" },
        { "misspelled action", "UnknownActionType" },
        { "misspelled property", "Unknown property \"txt\" on TextBlock" },
        { "unknown card property", "Unknown property \"lang2\" on AdaptiveCard" },
        { "text block without text", "TextBlock requires \"text\"" },
        { "input without id", "All inputs must have a unique Id" },
        { "image without url", "Image requires \"url\"" },
        { "open url without url", "Property \"url\" must be set" },
        { "invalid fallback action", "actions[0].fallback: UnsupportedProperty: Unknown property \"titel\" on Action.Submit" },
        { "fact without value", "Fact requires \"value\"" },
        { "version 1.6", "version must be \"1.5\"" },
        { "not a card", "type must be \"AdaptiveCard\"" },
        { "invalid enum value", "InvalidPropertyValue" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParserFlagsInvalidCard(string name, string expectedError)
    {
        var report = _reports.All.Single(r => r.Name == name);

        Assert.False(report.IsValid);
        Assert.Contains(report.Errors, e => e.Contains(expectedError, StringComparison.Ordinal));
    }

    [Fact]
    public void TheValidControlCardPasses() => Assert.True(_reports.All.Single(r => r.Name == "control").IsValid);

    public sealed class Reports : IAsyncLifetime
    {
        public IReadOnlyList<CardReport> All { get; private set; } = [];

        public async Task InitializeAsync() => All = await AdaptiveCardsParser.ValidateAsync(
        [
            ("control", Card("""[{"type":"TextBlock","text":"ok"}]""")),
            ("misspelled element", Card("""[{"type":"TextBlok","text":"x"}]""")),
            ("misspelled action", Card("[]", """[{"type":"Action.Exceute","title":"x","verb":"v"}]""")),
            ("misspelled property", Card("""[{"type":"TextBlock","txt":"x"}]""")),
            ("unknown card property", Card("[]", extra: "\"lang2\":\"en\"")),
            ("text block without text", Card("""[{"type":"TextBlock"}]""")),
            ("input without id", Card("""[{"type":"Input.Text","label":"Name"}]""")),
            ("image without url", Card("""[{"type":"Image","altText":"x"}]""")),
            ("open url without url", Card("[]", """[{"type":"Action.OpenUrl","title":"x"}]""")),
            ("invalid fallback action", Card("[]", """[{"type":"Action.Execute","title":"x","fallback":{"type":"Action.Submit","titel":"x"}}]""")),
            ("fact without value", Card("""[{"type":"FactSet","facts":[{"title":"a"}]}]""")),
            ("version 1.6", Card("""[{"type":"TextBlock","text":"ok"}]""", version: "1.6")),
            ("not a card", JsonNode.Parse("""{"type":"HeroCard","version":"1.5","body":[]}""")!),
            ("invalid enum value", Card("""[{"type":"TextBlock","text":"x","weight":"heavy"}]""")),
        ]);

        public Task DisposeAsync() => Task.CompletedTask;

        private static JsonNode Card(string body, string actions = "[]", string version = "1.5", string? extra = null) =>
            JsonNode.Parse($$"""
                {"type":"AdaptiveCard","version":"{{version}}","body":{{body}},"actions":{{actions}}{{(extra is null ? "" : "," + extra)}}}
                """)!;
    }
}
