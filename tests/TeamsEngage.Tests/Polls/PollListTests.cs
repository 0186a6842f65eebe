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
