using System.Text.Json.Nodes;
using TeamsEngage.Features.Polls;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

public sealed class PollReachTests
{
    [Fact]
    public async Task ANamedPollsCsvAndItsCardCountReachedAndAnsweredTheSameWay()
    {
        // Five people in Science, three of whom have the app: the poll reaches three.
        var voters = Voters("SCI", 5);
        var people = string.Join('\n', voters.Select(v => $"{DirectorySeeding.EmailOf(v.Persona)},SCI,member,"));
        await using var bot = await DirectorySeeding.StartAsync("SCI department,SCI,,,24", people, [Admin], [Admin, .. voters.Take(3).Select(v => v.Persona)], OutboxHost.FastSettings());
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which training slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
        await Eventually.TrueAsync(() => voters.Take(3).All(v => bot.SentTo(v.Persona).Count > 0), "the ballots delivered");
        await VoteAsync(bot, voters[0].Persona, pollId, "0");
        await VoteAsync(bot, voters[1].Persona, pollId, "1");

        var english = await Eventually.ValueAsync(() => ResultsAsync(bot, Admin, pollId), c => CardReading.Said(c).Contains("2 of 3 people reached have answered", StringComparison.Ordinal), "the results card");
        var spanish = await ResultsAsync(bot, Admin.WithLocale("es-MX"), pollId);
        var csv = await ExportAsync(bot, english);

        Assert.Contains("Han respondido 2 de 3 personas alcanzadas", CardReading.Said(spanish), StringComparison.Ordinal);
        Assert.Contains("Exportar", string.Join('|', CardReading.ActionTitles(spanish)), StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.Contains("answered,2", lines);
        Assert.Contains("reached,3", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("recipients,", StringComparison.Ordinal) || l.StartsWith("voters,", StringComparison.Ordinal));
        var reports = await AdaptiveCardsParser.ValidateAsync([("results.en", english), ("results.es", spanish)]);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    private static async Task<JsonNode> ResultsAsync(BotApplication bot, Persona admin, string pollId) =>
        (await bot.ExecuteAsync(admin, PollVerbs.Results, new { pollId }))["value"]!;

    private static async Task<string> ExportAsync(BotApplication bot, JsonNode results)
    {
        var link = results["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        using var response = await bot.Http.GetAsync(new Uri(link).PathAndQuery);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
