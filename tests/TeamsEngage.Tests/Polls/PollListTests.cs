using System.Text.Json.Nodes;
using TeamsEngage.Features.Polls;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary><c>polls</c>: where another administrator finds a poll and reads its results, read only and suppressed alike.</summary>
public sealed class PollListTests
{
    private static readonly Persona OtherAdmin = Persona.Create("Omar Admin", "omar-admin");
    private static readonly Persona Lia = Persona.Create("Lia Liaison", "lia-liaison");

    [Theory]
    [InlineData("en-US", "polls", "Sent by Ines Admin", "Results")]
    [InlineData("es-MX", "encuestas", "Enviada por Ines Admin", "Resultados")]
    public async Task AnotherAdministratorFindsThePollUnderPollsAndReadsItsResultsWithoutTheAuthorsButtons(string locale, string word, string sentBy, string results)
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters, Voters("ART", 2));
        await ComposeAndSendAsync(bot, new { question = "Which training slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
        var reader = OtherAdmin.WithLocale(locale);

        await bot.SayAsync(reader, word);

        var list = SentCards.CardOf(Assert.Single(bot.SentTo(reader)));
        var said = CardReading.Said(list);
        Assert.Contains("Which training slot?", said, StringComparison.Ordinal);
        Assert.Contains(sentBy, said, StringComparison.Ordinal);
        var button = Assert.Single(Buttons(list));
        Assert.Equal(results, button["title"]!.GetValue<string>());
        Assert.Equal(PollVerbs.Results, button["verb"]!.GetValue<string>());
        var card = (await bot.ExecuteAsync(reader, PollVerbs.Results, new { pollId = button["data"]!["pollId"]!.GetValue<string>() }))["value"]!;
        Assert.Contains("Which training slot?", CardReading.Said(card), StringComparison.Ordinal);
        Assert.Equal([PollVerbs.Results], card["actions"]!.AsArray().Select(a => a!["verb"]?.GetValue<string>()));
        var reports = await AdaptiveCardsParser.ValidateAsync([("polls." + locale, list), ("results.read-only." + locale, card)]);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    [Fact]
    public async Task ALiaisonSeesOnlyHerOwnPollsUnderPolls()
    {
        await using var bot = await StartAsync(Voters("SCI", 3), Voters("ART", 2));
        await ComposeAndSendAsync(bot, new { question = "Which training slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
        await Eventually.TrueAsync(() => bot.SentTo(Lia).Count == 1, "her ballot delivered");

        await bot.SayAsync(Lia, "polls");

        var list = SentCards.CardOf(bot.SentTo(Lia)[^1]);
        Assert.DoesNotContain("Which training slot?", CardReading.Said(list), StringComparison.Ordinal);
        Assert.Contains("No polls have been sent yet.", CardReading.Said(list), StringComparison.Ordinal);
        Assert.Empty(Buttons(list));
    }

    [Fact]
    public async Task AnotherAdministratorSeesExactlyTheAuthorsSuppressedResultsOfAnAnonymousPoll()
    {
        var science = Voters("SCI", 6);
        var art = Voters("ART", 2);
        await using var bot = await StartAsync(science, art);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Is the new wifi better?", options = "Yes\nNo", anonymous = "true", breakdown = "Department", results = "AfterClose", audienceKind = "Departments", audienceValues = "SCI,ART", closeDate = "2099-01-01" });
        var everyone = science.Concat(art).Select(v => v.Persona).ToList();
        await Eventually.TrueAsync(() => everyone.All(p => bot.SentTo(p).Count > 0), "every ballot delivered");
        foreach (var (voter, i) in everyone.Select((p, i) => (p, i)))
        {
            await VoteAsync(bot, voter, pollId, (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var openAuthor = await BodyAsync(bot, Admin, pollId, null);
        var openReader = await BodyAsync(bot, OtherAdmin, pollId, null);
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        var closedAuthor = await BodyAsync(bot, Admin, pollId, "department");
        var closedReader = await BodyAsync(bot, OtherAdmin, pollId, "department");

        Assert.Equal(openAuthor, openReader);
        Assert.Equal(closedAuthor, closedReader);
        Assert.Contains("Results (8 votes)", closedReader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollsPagesTenAtATimeNewestFirstAndFiltersTheOpenAndTheClosedOnes()
    {
        var voters = Voters("SCI", 1);
        await using var bot = await StartAsync(voters);
        var ids = new List<string>();
        for (var i = 1; i <= 12; i++)
        {
            var (pollId, _) = await ComposeAndSendAsync(bot, new { question = $"Question {i:00}?", options = "Yes\nNo", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
            ids.Add(pollId);
        }
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId = ids[0] });

        await bot.SayAsync(OtherAdmin, "polls");
        var first = SentCards.CardOf(Assert.Single(bot.SentTo(OtherAdmin)));
        var second = (await PressAsync(bot, OtherAdmin, first, "Older"))["value"]!;
        var closed = (await PressAsync(bot, OtherAdmin, second, "Closed"))["value"]!;
        var open = (await PressAsync(bot, OtherAdmin, closed, "Open"))["value"]!;
        var spanish = (await bot.ExecuteAsync(OtherAdmin.WithLocale("es-MX"), PollVerbs.List, new { show = "Open", page = 1 }))["value"]!;

        Assert.Equal([.. Enumerable.Range(3, 10).Reverse().Select(i => $"Question {i:00}?")], Questions(first));
        Assert.Contains("All: 12 · page 1 of 2", CardReading.Said(first), StringComparison.Ordinal);
        Assert.Equal(["Older"], Pager(first));
        Assert.Equal(["Question 02?", "Question 01?"], Questions(second));
        Assert.Equal(["Newer"], Pager(second));
        Assert.Equal(["Question 01?"], Questions(closed));
        Assert.Contains("Closed: 1 · page 1 of 1", CardReading.Said(closed), StringComparison.Ordinal);
        Assert.Equal(10, Questions(open).Count);
        Assert.DoesNotContain("Question 01?", Questions(open));
        Assert.Contains("Abiertas: 11 · página 2 de 2", CardReading.Said(spanish), StringComparison.Ordinal);
        Assert.Equal(["Question 02?"], Questions(spanish));
        Assert.Equal(["Más recientes"], Pager(spanish));
        var reports = await AdaptiveCardsParser.ValidateAsync([("polls.page1", first), ("polls.page2", second), ("polls.closed", closed), ("polls.es", spanish)]);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    [Fact]
    public async Task APageOfPollsAskedForByAForgedButtonShowsALiaisonOnlyHerOwnAndATeacherNothing()
    {
        var voters = Voters("SCI", 1);
        await using var bot = await StartAsync(voters);
        await ComposeAndSendAsync(bot, new { question = "Which training slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });

        var liaison = (await bot.ExecuteAsync(Lia, PollVerbs.List, new { show = "All", page = 0 }))["value"]!;
        var teacher = await bot.ExecuteAsync(voters[0].Persona, PollVerbs.List, new { show = "All", page = 0 });

        Assert.Empty(Questions(liaison));
        Assert.Contains("No polls have been sent yet.", CardReading.Said(liaison), StringComparison.Ordinal);
        Assert.DoesNotContain("Which training slot?", teacher.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Polls are created by the IT team.", teacher["value"]?.GetValue<string>());
    }

    private static Task<JsonObject> PressAsync(BotApplication bot, Persona persona, JsonNode card, string title)
    {
        var button = AllActions(card).Single(a => a["title"]!.GetValue<string>() == title);
        return bot.ExecuteAsync(persona, button["verb"]!.GetValue<string>(), button["data"]);
    }

    private static IEnumerable<JsonNode> AllActions(JsonNode card) =>
        card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "ActionSet").SelectMany(set => set!["actions"]!.AsArray().Select(a => a!))
            .Concat(card["actions"]?.AsArray().Select(a => a!) ?? []);

    private static List<string> Pager(JsonNode card) => [.. (card["actions"]?.AsArray() ?? []).Select(a => a!["title"]!.GetValue<string>())];

    private static List<string> Questions(JsonNode card) =>
        [.. card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "Container").Select(c => c!["items"]![0]!["inlines"]![0]!["text"]!.GetValue<string>())];

    // The card's body as JSON: everything it says and draws, its buttons below aside.
    private static async Task<string> BodyAsync(BotApplication bot, Persona persona, string pollId, string? by) =>
        (await bot.ExecuteAsync(persona, PollVerbs.Results, new { pollId, by }))["value"]!["body"]!.ToJsonString();

    private static List<JsonNode> Buttons(JsonNode card) =>
        [.. card["body"]!.AsArray()
            .SelectMany(e => e!["items"] is JsonArray items ? items.Select(i => i!) : [])
            .Where(i => i["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(set => set["actions"]!.AsArray().Select(a => a!))];

    /// <summary>Ines administers and authors; Omar is a second administrator; Lia is SCI's liaison.</summary>
    private static Task<BotApplication> StartAsync(params (string Department, Persona Persona)[][] groups)
    {
        var voters = groups.SelectMany(g => g).ToList();
        var departments = string.Join('\n', voters.Select(v => v.Department).Distinct().Select(d => d == "SCI" ? $"SCI department,SCI,{DirectorySeeding.EmailOf(Lia)},,24" : $"{d} department,{d},,,24"));
        var people = string.Join('\n', voters.Select(v => $"{DirectorySeeding.EmailOf(v.Persona)},{v.Department},member,").Append($"{DirectorySeeding.EmailOf(Lia)},SCI,liaison,"));
        return DirectorySeeding.StartAsync(departments, people, [Admin, OtherAdmin], [Admin, OtherAdmin, Lia, .. voters.Select(v => v.Persona)], Outbox.OutboxHost.FastSettings());
    }
}
