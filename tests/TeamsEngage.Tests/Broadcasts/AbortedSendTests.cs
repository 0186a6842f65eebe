using System.Net.Http.Headers;
using Xunit.Abstractions;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>
/// A district-wide notice whose Send request is dropped by the client as soon as the notice is marked sent: every
/// recipient still gets exactly one row, every reachable one exactly one message, and the status card never runs ahead.
/// </summary>
public sealed class AbortedSendTests(ITestOutputHelper output)
{
    private const int People = 20_000;

    // One in ten has installed the bot: the others get an Unreachable row, which keeps the sends within the test's time.
    private const int InstalledEvery = 10;

    public static Dictionary<string, string?> FastOutbox() => new()
    {
        ["TeamsEngage:Notices:ConfirmAbove"] = "1000000",
        ["TeamsEngage:Outbox:RequestsPerSecond"] = "20000",
        ["TeamsEngage:Outbox:MaxConcurrency"] = "48",
        ["TeamsEngage:Outbox:PollInterval"] = "00:00:00.100",
        ["TeamsEngage:Outbox:LeaseDuration"] = "00:00:05",
        ["TeamsEngage:Outbox:SendTimeout"] = "00:00:02",
        ["TeamsEngage:Outbox:WriteBatchSize"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Fact]
    public async Task ADroppedSendRequestStillQueuesEveryRecipientOnceAndTheStatusCardNeverRunsAhead()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"District,{LargeSchool.Department},,,24",
            administrators: [Persona.Ana],
            installed: [Persona.Ana],
            settings: FastOutbox());
        // The test reads the home tenant's store directly; the bot enters the tenant of each activity itself.
        using var home = Fixtures.InHomeTenant();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await LargeSchool.SeedAsync(bot.Services, People, bot.Connector.BaseUrl, InstalledEvery);
        output.WriteLine($"seeded {People} people in {clock.Elapsed.TotalSeconds:F1} s");
        var (_, id) = await PreviewAsync(bot, LargeSchool.NoticeForm());

        clock.Restart();
        await SendAndDropAsync(bot, id);

        await FollowStatusUntilWrittenAsync(bot, id);
        output.WriteLine($"every row written {clock.Elapsed.TotalSeconds:F1} s after Send");
        var final = LargeSchool.Facts(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id })));
        Assert.Equal(People, LargeSchool.Number(final["Recipients"]));
        var rows = await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(id).ToListAsync();
        Assert.Equal(People, rows.Count);
        Assert.Equal(People, rows.Select(r => r.PersonKey).Distinct(StringComparer.Ordinal).Count());

        Assert.Equal(People / InstalledEvery, rows.Count(r => r.UserId is not null));
        await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.Succeeded && r.ConversationId!.StartsWith("a:district-", StringComparison.Ordinal), People / InstalledEvery, TimeSpan.FromSeconds(50));
        var perConversation = bot.Connector.Requests
            .Where(r => r.Route == ConnectorRoute.Send && r.Succeeded && r.ConversationId!.StartsWith("a:district-", StringComparison.Ordinal))
            .GroupBy(r => r.ConversationId, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(People / InstalledEvery, perConversation.Count);
        Assert.All(perConversation, g => Assert.Single(g));
        output.WriteLine($"every message sent {clock.Elapsed.TotalSeconds:F1} s after Send");
    }

    /// <summary>Presses Send and cancels the HTTP call the moment the notice is marked sent (a client that went away).</summary>
    private static async Task SendAndDropAsync(BotApplication bot, string id)
    {
        var notices = bot.Services.GetRequiredService<NoticeStore>();
        var node = Fixtures.LoadNode("invoke-card-action.json", bot.Connector.BaseUrl, Persona.Ana, new Dictionary<string, string>
        {
            ["verb"] = NoticeVerbs.Send,
            ["data"] = System.Text.Json.JsonSerializer.Serialize(new { noticeId = id }),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Issuer.CreateToken(Fixtures.BotAppId, bot.Connector.BaseUrl));
        using var drop = new CancellationTokenSource();
        var send = bot.Http.SendAsync(request, drop.Token);
        while (!send.IsCompleted && (await notices.FindAsync(id, CancellationToken.None))?.State != NoticeState.Sent)
        {
            await Task.Delay(2);
        }
        await drop.CancelAsync();
        try
        {
            using var _ = await send;
        }
        catch (OperationCanceledException)
        {
            // The client is gone, as intended.
        }
        Assert.Equal(NoticeState.Sent, (await notices.FindAsync(id, CancellationToken.None))?.State);
    }

    /// <summary>Reads the status card while the rows are written: what it calls queued always exists, and it ends at M of M.</summary>
    private static async Task FollowStatusUntilWrittenAsync(BotApplication bot, string id)
    {
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            var facts = LargeSchool.Facts(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id })));
            var rows = await outbox.ReadDeliveriesAsync(id).CountAsync();
            if (!facts.TryGetValue("Queued", out var queued))
            {
                Assert.Equal(People, rows);
                return;
            }
            if (queued != "counting the audience…")
            {
                var (n, of) = LargeSchool.QueuedOf(queued);
                Assert.Equal(People, of);
                Assert.InRange(n, 0, rows);
                Assert.InRange(LargeSchool.Number(facts["Recipients"]), n, People);
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"still writing: {queued}, {rows} rows");
            await Task.Delay(1000);
        }
    }
}
