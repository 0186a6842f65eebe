using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;

namespace TeamsEngage.Tests.Observability;

/// <summary>
/// The bot's metrics, traces and logs as an exporter receives them, through the real host: activities over HTTP, the
/// connector stub answering, throttling and failing. And an attacker's read of all of it, looking for anyone's data.
/// </summary>
[Collection(TelemetryTestsRunAlone.Name)]
public sealed class TelemetryTests
{
    private const string SecretText = "my neighbour Rosalind keeps the spare key under the mat";
    private const string SecretDescription = "Projector in Ms Torres' room 12 shows no picture since the field trip";

    [Fact]
    public async Task AnOperatorSeesTrafficSendsThrottlingRetriesFailuresAndTheOutboxDepthPerTenant()
    {
        var telemetry = new TelemetryCapture();
        await using var bot = await StartAsync(telemetry);
        var tenant = ("tenant.id", Fixtures.TenantId);

        await bot.SayAsync(TicketWorld.Ana, SecretText);
        // The liaison's new-ticket card goes through the outbox: throttled once (with time to count the waiting row),
        // then a transient failure, then accepted.
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("3"), conversationId: TicketWorld.Ben.ConversationId);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Status(503), conversationId: TicketWorld.Ben.ConversationId);
        var depthSeen = Eventually.ValueAsync(() => Task.FromResult(telemetry.Gauge("teamsengage.outbox.depth", tenant)), d => d >= 1, "the waiting card counted");
        await bot.ReportAsync(TicketWorld.Ana, SecretDescription);
        var waiting = await depthSeen;
        await bot.Connector.WaitForActivitiesAsync(TicketWorld.Ben.ConversationId, timeout: TimeSpan.FromSeconds(20));
        await EnqueueToSomeoneWithoutTheBotAsync(bot);

        await Eventually.TrueAsync(() => telemetry.Sum("teamsengage.outbox.failures") >= 1, "the unreachable message counted");
        Assert.True(
            telemetry.Sum("teamsengage.outbox.failures", tenant, ("outcome", "Unreachable"), ("reason", "NotInstalled")) == 1,
            telemetry.Describe("teamsengage.outbox.failures"));
        Assert.True(waiting >= 1);
        Assert.True(telemetry.Sum("teamsengage.inbound.activities", ("activity.type", "installationUpdate")) >= 7);
        Assert.True(telemetry.Sum("teamsengage.inbound.activities", ("activity.type", "message")) >= 1);
        Assert.True(telemetry.Count("teamsengage.invoke.duration", ("invoke.name", "adaptiveCard/action"), ("http.response.status_code", "200")) >= 1);
        Assert.True(telemetry.Sum("teamsengage.outbox.sends", tenant) >= 1);
        Assert.Equal(1, telemetry.Sum("teamsengage.outbox.throttled", tenant));
        Assert.Equal(1, telemetry.Sum("teamsengage.outbox.retries", tenant, ("http.response.status_code", "503")));
        Assert.Equal(0, await Eventually.ValueAsync(() => Task.FromResult(telemetry.Gauge("teamsengage.outbox.depth", tenant) ?? 0), d => d == 0, "the outbox drained"));
    }

    [Fact]
    public async Task ARefusedTokenIsCountedByItsReasonOnly()
    {
        var telemetry = new TelemetryCapture();
        await using var bot = await StartAsync(telemetry);
        var activity = Fixtures.Load("message-personal.json", bot.Connector.BaseUrl, TicketWorld.Ana, new Dictionary<string, string> { ["text"] = SecretText });

        using var missing = await bot.PostAsync(activity, authenticated: false);
        using var forged = await bot.PostAsync(activity, authorization: "Bearer " + bot.Issuer.CreateToken(Fixtures.BotAppId, bot.Connector.BaseUrl, new() { Audience = "another-bot" }));

        Assert.Equal(1, telemetry.Sum("teamsengage.inbound.refused_tokens", ("reason", "MissingHeader")));
        Assert.Equal(1, telemetry.Sum("teamsengage.inbound.refused_tokens", ("reason", "InvalidAudience")));
        AssertNoPersonalData(telemetry);
    }

    [Fact]
    public async Task NoMetricSpanOrLogRecordCarriesAnyonesIdNameEmailConversationOrWords()
    {
        var telemetry = new TelemetryCapture();
        await using var bot = await StartAsync(telemetry);

        await bot.SayAsync(TicketWorld.Ana, SecretText);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("0"), conversationId: TicketWorld.Ben.ConversationId);
        await bot.ReportAsync(TicketWorld.Ana, SecretDescription);
        await bot.Connector.WaitForActivitiesAsync(TicketWorld.Ben.ConversationId, timeout: TimeSpan.FromSeconds(20));
        await EnqueueToSomeoneWithoutTheBotAsync(bot);
        await BroadcastWhatNothingRendersAsync(bot);
        await Eventually.TrueAsync(
            () => telemetry.Sum("teamsengage.outbox.failures", ("tenant.id", Fixtures.TenantId), ("reason", "Error")) == 2,
            "both broadcast rows given up on");

        // The attack only means something if the telemetry saw the turns that carried the data.
        Assert.True(telemetry.SpanCount > 10, "spans: " + telemetry.SpanCount);
        Assert.True(telemetry.LogCount > 10, "log records: " + telemetry.LogCount);
        AssertNoPersonalData(telemetry);
    }

    private static void AssertNoPersonalData(TelemetryCapture telemetry)
    {
        var exported = telemetry.EverySerializedValue();
        var personal = new[] { TicketWorld.Ana, TicketWorld.Ben, TicketWorld.Dana }
            .SelectMany(p => new[] { p.UserId, p.AadObjectId, p.Name, DirectorySeeding.EmailOf(p), p.ConversationId })
            .Concat([SecretText, SecretDescription, "Rosalind", "field trip"]);
        foreach (var value in personal)
        {
            var leak = exported.FirstOrDefault(e => e.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{value}' was exported in: {leak}");
        }
    }

    private static async Task<BotApplication> StartAsync(TelemetryCapture telemetry)
    {
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings()) { ["TeamsEngage:Outbox:DepthSampleInterval"] = "00:00:00.100" };
        var bot = await TicketWorld.StartAsync(extra: settings, services: telemetry.AddTo);
        telemetry.Attach(bot.Services);
        return bot;
    }

    // Broadcast rows are keyed by the directory's key of each person (an Entra object id, or an email address), and a
    // kind without a renderer makes each one fail, so every log line about a row is written.
    private static async Task BroadcastWhatNothingRendersAsync(BotApplication bot)
    {
        using var scope = Fixtures.InHomeTenant();
        var recipients = new[]
        {
            new BroadcastRecipient(TicketWorld.Ana.AadObjectId.ToLowerInvariant(), TicketWorld.Ana.UserId, "SCI", "Member"),
            new BroadcastRecipient("email:" + DirectorySeeding.EmailOf(TicketWorld.Dana), TicketWorld.Dana.UserId, "SCI", "Member"),
        };
        await bot.Services.GetRequiredService<IOutbox>().StartBroadcastAsync(
            new BroadcastRequest("telemetry-broadcast", "nothing.renders.this", "{}"), recipients.ToAsyncEnumerable());
    }

    private static async Task EnqueueToSomeoneWithoutTheBotAsync(BotApplication bot)
    {
        using var scope = Fixtures.InHomeTenant();
        await bot.Services.GetRequiredService<IOutbox>().EnqueueAsync(
            new OutboxMessage("29:someone-who-never-installed", "ticket.liaison", "{}", OutboxPriority.Interactive));
    }
}

/// <summary>
/// Meters are found by name across the whole process, so another test's bot, running at the same time, would add its
/// counts and gauges to these: telemetry tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestsRunAlone
{
    public const string Name = "Telemetry";
}
