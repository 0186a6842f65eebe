using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Auth;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Hosting;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Support;
using Xunit.Abstractions;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>The bot killed with SIGKILL while it writes a district-wide notice's rows, then a second process on the same store.</summary>
public sealed class KilledWriterTests(ITestOutputHelper output)
{
    private const int People = 20_000;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["TeamsEngage:Administrators:0"] = Persona.Ana.AadObjectId,
        ["TeamsEngage:Notices:ConfirmAbove"] = "1000000",
        ["TeamsEngage:Outbox:WriteBatchSize"] = "500",
        ["TeamsEngage:Outbox:PollInterval"] = "00:00:00.100",
        ["TeamsEngage:Outbox:LeaseDuration"] = "00:00:03",
        ["TeamsEngage:Outbox:SendTimeout"] = "00:00:01",
    };

    [Fact]
    public async Task AProcessKilledWhileWritingIsResumedByTheNextOneWithExactlyOneRowPerRecipient()
    {
        using var data = new TemporaryDirectory();
        await using var issuer = await LocalTokenIssuer.StartAsync();
        await using var connector = await ConnectorStub.StartAsync();
        await SeedAsync(data.Path);

        string id;
        await using (var first = await BotProcess.StartAsync(data.Path, issuer, connector.BaseUrl, Settings))
        {
            var preview = CardOf(await first.ExecuteAsync(Persona.Ana, NoticeVerbs.Preview, LargeSchool.NoticeForm()));
            id = Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send)["data"]!["noticeId"]!.GetValue<string>();
            // The author does not wait on the answer: the status card is read while Send runs, or after it answered.
            var send = first.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id });
            var atKill = await WaitUntilMidWritingAsync(first, id);
            await first.KillAsync();
            output.WriteLine($"killed with {atKill} rows written");
            try
            {
                Assert.StartsWith("Sent:", string.Join(' ', Texts(CardOf(await send))), StringComparison.Ordinal);
            }
            catch (HttpRequestException)
            {
                // The process died before it answered.
            }
        }

        await using (var second = await BotProcess.StartAsync(data.Path, issuer, connector.BaseUrl, Settings))
        {
            await WaitUntilWrittenAsync(second, id);
            await second.KillAsync();
        }

        await using var reader = TestBotHost.For<Program>().OnDataDirectory(data.Path).WithBotIdentity(Fixtures.BotAppId, Fixtures.TenantId).Start();
        using var home = Fixtures.InHomeTenant();
        var rows = await reader.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(id).ToListAsync();
        Assert.Equal(People, rows.Count);
        Assert.Equal(People, rows.Select(r => r.PersonKey).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Seeds the department (imported at start) and 20,000 people (through the store) with an in-process host.</summary>
    private static async Task SeedAsync(string dataDirectory)
    {
        await using var seeding = TestBotHost.For<Program>()
            .OnDataDirectory(dataDirectory)
            .WithBotIdentity(Fixtures.BotAppId, Fixtures.TenantId)
            .WithSettings(DirectorySeeding.Settings(departments: $"District,{LargeSchool.Department},,,24"))
            .Start();
        await LargeSchool.SeedAsync(seeding.Services, People, serviceUrl: null);
    }

    /// <summary>Reads the status card until some but not all recipients have a row; returns how many.</summary>
    private static async Task<int> WaitUntilMidWritingAsync(BotProcess bot, string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var facts = LargeSchool.Facts(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id })));
            var rows = LargeSchool.Number(facts["Recipients"]);
            if (rows is > 0 and < People)
            {
                return rows;
            }
            Assert.True(rows == 0, "the rows were all written before the process could be killed");
            await Task.Delay(50);
        }
        throw new TimeoutException("no rows were written");
    }

    private static async Task WaitUntilWrittenAsync(BotProcess bot, string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(40);
        while (true)
        {
            var facts = LargeSchool.Facts(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id })));
            if (!facts.ContainsKey("Queued") && LargeSchool.Number(facts["Recipients"]) == People)
            {
                return;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, "still writing after 40 s: " + string.Join(", ", facts.Select(f => f.Key + " " + f.Value)));
            await Task.Delay(250);
        }
    }

    private static IEnumerable<string> Texts(JsonNode card) => Walk(card).Where(o => o["type"]?.GetValue<string>() == "TextBlock").Select(o => o["text"]!.GetValue<string>());
}
