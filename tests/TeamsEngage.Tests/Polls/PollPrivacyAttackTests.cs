using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Conversations;
using TeamsEngage.Features.Polls;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>The poll rules a careful reviewer breaks one line at a time: each test here is the attack that notices.</summary>
public sealed class PollPrivacyAttackTests
{
    [Fact]
    public async Task AnAnonymousPollToFourPeopleIsRefusedAtPreviewWithTheReason()
    {
        var voters = Voters("SCI", 4);
        await using var bot = await StartAsync(voters);

        var preview = await bot.ExecuteAsync(Admin, PollVerbs.Preview, new { question = "Honest feedback?", options = "Good\nBad", anonymous = "true", closeDate = "2099-01-01", audienceKind = "Departments", audienceValues = "SCI" });

        var text = TextOf(preview);
        Assert.Contains("at least 5 people", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PollVerbs.Send, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepartmentOfFiveIsShownAndOneOfFourIsNotOnTheCardNorInTheCsv()
    {
        // Two groups of four hidden together (8) leave the five and the six shown: no complementary hiding blurs the edge.
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 5), .. Voters("MATH", 6), .. Voters("ART", 4), .. Voters("MUS", 4)];
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Laptops or tablets?", options = "Laptops\nTablets", closeDate = "2099-01-01", audienceKind = "Departments", audienceValues = "SCI,MATH,ART,MUS" });
        foreach (var (department, voter) in voters)
        {
            await VoteAsync(bot, voter, pollId, department == "ART" ? "1" : "0");
        }

        var card = Facts(await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId, by = "department" }));
        var csv = await PollExport.CsvAsync(bot, pollId);

        Assert.StartsWith("5 answered", card["SCI"], StringComparison.Ordinal);
        Assert.Equal("fewer than 5", card["ART"]);
        Assert.Equal("fewer than 5", card["MUS"]);
        Assert.Contains("\r\nSCI,5,5,0\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nART,fewer than 5,fewer than 5,fewer than 5\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("ART,4", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVoterKeyDependsOnThePollsSecretSoNoKeyWithoutItMatches()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var tenant = Fixtures.InHomeTenant();
        var first = await SendAnonymousAsync(bot);
        var second = await SendAnonymousAsync(bot);
        foreach (var (_, voter) in voters)
        {
            await VoteAsync(bot, voter, first, "0");
            await VoteAsync(bot, voter, second, "0");
        }

        var firstKeys = await PollStoreRows.KeysAsync(bot, VoteStore.TableName, first);
        var secondKeys = await PollStoreRows.KeysAsync(bot, VoteStore.TableName, second);

        Assert.Equal(5, firstKeys.Count);
        // Without a per-poll secret, the same person would get the same key in both polls.
        Assert.Empty(firstKeys.Intersect(secondKeys));
        var guesses = voters.SelectMany(v => KeysWithoutSecret(v.Persona.UserId)).ToList();
        Assert.Empty(firstKeys.Intersect(guesses, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AVoterReceivesNoReminderWhilePeopleWhoHaveNotVotedGetOne()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        var pollId = await SendAnonymousAsync(bot);
        foreach (var (_, voter) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(voter.ConversationId);
        }
        await VoteAsync(bot, voters[0].Persona, pollId, "0");
        await VoteAsync(bot, voters[1].Persona, pollId, "1");

        await bot.ExecuteAsync(Admin, PollVerbs.Remind, new { pollId });

        foreach (var (_, waiting) in voters.Skip(2))
        {
            await bot.Connector.WaitForActivitiesAsync(waiting.ConversationId, 2);
        }
        Assert.Single(bot.SentTo(voters[0].Persona));
        Assert.Single(bot.SentTo(voters[1].Persona));
    }

    [Fact]
    public async Task TheReminderRendererSkipsSomeoneWhoVotedAfterTheReminderWasQueued()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var tenant = Fixtures.InHomeTenant();
        var pollId = await SendAnonymousAsync(bot);
        var voter = voters[0].Persona;
        await bot.Connector.WaitForActivitiesAsync(voter.ConversationId);
        await VoteAsync(bot, voter, pollId, "0");
        var reference = await bot.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(voter.UserId, CancellationToken.None);
        var renderer = bot.Services.GetServices<IOutboxRenderer>().Single(r => r.Kind == PollService.ReminderKind);

        var forVoter = await renderer.RenderAsync(new RenderContext(null, PollService.ReminderKind, OutboxPayload.Serialize(new PollPayload(pollId)), reference!, null, false), CancellationToken.None);
        var forOther = await renderer.RenderAsync(new RenderContext(null, PollService.ReminderKind, OutboxPayload.Serialize(new PollPayload(pollId)), (await bot.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(voters[1].Persona.UserId, CancellationToken.None))!, null, false), CancellationToken.None);

        Assert.Null(forVoter);
        Assert.Contains("Honest feedback?", forOther?.Card?.ToJsonNode().ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task<string> SendAnonymousAsync(BotApplication bot) =>
        (await ComposeAndSendAsync(bot, new { question = "Honest feedback?", options = "Good\nBad", anonymous = "true", breakdown = "department", closeDate = "2099-01-01", audienceKind = "Departments", audienceValues = "SCI" })).PollId;

    /// <summary>Keys an attacker with the directory but no secret could compute for a person.</summary>
    private static IEnumerable<string> KeysWithoutSecret(string userId)
    {
        var id = Encoding.UTF8.GetBytes(userId);
        foreach (var mac in new[] { SHA256.HashData(id), HMACSHA256.HashData(Array.Empty<byte>(), id), HMACSHA256.HashData(new byte[32], id), HMACSHA256.HashData(id, id) })
        {
            var base64 = Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            yield return "h" + base64;
            yield return base64;
            yield return Convert.ToHexStringLower(mac);
        }
        yield return StoreKey.Escape(userId);
    }

    private static Dictionary<string, string> Facts(JsonObject results) => results["value"]!["body"]!.AsArray()
        .Where(e => e!["type"]!.GetValue<string>() == "FactSet")
        .ToDictionary(e => e!["facts"]![0]!["title"]!.GetValue<string>(), e => e!["facts"]![0]!["value"]!.GetValue<string>());
}

/// <summary>Reads what the bot stored, through the store seam, as an attacker with the store would.</summary>
internal static class PollStoreRows
{
    public static async Task<List<StoreEntity>> ReadAsync(BotApplication bot, string table, string partition)
    {
        var rows = new List<StoreEntity>();
        using var tenant = Fixtures.InHomeTenant();
        await foreach (var row in bot.Services.GetRequiredService<ITableStore>().Table(table).QueryAllAsync(partition))
        {
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<List<string>> KeysAsync(BotApplication bot, string table, string partition) =>
        [.. (await ReadAsync(bot, table, partition)).Select(r => r.RowKey)];
}

/// <summary>The CSV export as the author downloads it, through the signed link on their results card.</summary>
internal static class PollExport
{
    public static async Task<string> CsvAsync(BotApplication bot, string pollId)
    {
        var results = await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId });
        var link = results["value"]!["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        using var response = await bot.Http.GetAsync(new Uri(link).PathAndQuery);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
