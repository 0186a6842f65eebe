using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Catalogue;
using TeamsEngage.Features.Services;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Services;

public sealed class ServiceStatusTests
{
    private static readonly Dictionary<string, string?> FastOutbox = new()
    {
        ["TeamsEngage:Outbox:PollInterval"] = "00:00:00.100",
        // A one-second send timeout gave up on slow but healthy sends on a loaded machine; these match the outbox tests.
        ["TeamsEngage:Outbox:LeaseDuration"] = "00:00:12",
        ["TeamsEngage:Outbox:SendTimeout"] = "00:00:05",
        ["TeamsEngage:Outbox:RetryBaseDelay"] = "00:00:00.100",
    };

    [Fact]
    public async Task AnOutageReachesEachFollowerOnceInTheirLanguageAndTheRestoreUpdatesTheEarlierCardInPlace()
    {
        await using var bot = await ServiceWorld.StartAsync(extra: FastOutbox);
        await bot.ActAsync(Ana, "services.follow", new { serviceId = "wifi" });
        await bot.ActAsync(Carmen, "services.follow", new { serviceId = "wifi" });

        var set = CardOf(await bot.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Outage", message = "The controller in building B failed; we are replacing it.", notify = "followers" }));

        Assert.Contains("Status set and announced.", CardReading.Said(set), StringComparison.Ordinal);
        await bot.WaitForSentAsync(Ana, "Wi-Fi: status update", "The controller in building B failed");
        await bot.WaitForSentAsync(Carmen, "Wi-Fi: cambio de estado", "desde");
        // The restore updates the cards the outbox has recorded as delivered; a send is recorded just after its answer.
        await OutageCardsRecordedAsync(bot, 2);

        await bot.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Operational", message = "Replaced; all buildings are back." });

        await bot.WaitForSentAsync(Ana, "Wi-Fi is working again", "all buildings are back");
        await bot.WaitForSentAsync(Carmen, "Wi-Fi vuelve a funcionar");
        await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded && r.ConversationId == Ana.ConversationId
            && r.Body.Contains("Update: now Operational since", StringComparison.Ordinal) && r.Body.Contains("The controller in building B failed", StringComparison.Ordinal));
        await Task.Delay(500);
        Assert.Equal(1, bot.Count(Ana, "The controller in building B failed"));
        Assert.Equal(1, bot.Count(Ana, "Wi-Fi is working again"));
        Assert.Equal(1, bot.Count(Carmen, "The controller in building B failed"));
        Assert.Equal(1, bot.Count(Carmen, "Wi-Fi vuelve a funcionar"));
        Assert.Equal(0, bot.Count(Gus, "Wi-Fi"));
    }

    [Fact]
    public async Task MaintenanceToldToEveryoneReachesAFollowerOnceAndEveryoneElseToo()
    {
        await using var bot = await ServiceWorld.StartAsync(extra: FastOutbox);
        await bot.ActAsync(Ana, "services.follow", new { serviceId = "gradebook" });

        await bot.ActAsync(Fay, "services.setstatus", new { serviceId = "gradebook", condition = "Maintenance", message = "Upgrade on Saturday 08:00 to 12:00.", notify = "everyone" });

        await bot.WaitForSentAsync(Gus, "Gradebook: status update", "Upgrade on Saturday");
        await bot.WaitForSentAsync(Ana, "Gradebook: status update");
        await Task.Delay(500);
        Assert.Equal(1, bot.Count(Ana, "Gradebook: status update"));
        Assert.Equal(1, bot.Count(Gus, "Gradebook: status update"));
    }

    [Fact]
    public async Task AnOutageWithoutAMessageIsRefusedAndADegradedStatusIsShownWithoutAnnouncing()
    {
        await using var bot = await ServiceWorld.StartAsync(extra: FastOutbox);
        await bot.ActAsync(Ana, "services.follow", new { serviceId = "wifi" });

        var refused = CardOf(await bot.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Outage", message = " " }));
        var forged = CardOf(await bot.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Exploded", message = "x" }));
        var degraded = CardOf(await bot.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Degraded", message = "Slow in the gym" }));

        Assert.Contains("An outage or maintenance needs a message", CardReading.Said(refused), StringComparison.Ordinal);
        Assert.Contains("Choose a status.", CardReading.Said(forged), StringComparison.Ordinal);
        Assert.Contains("not announced", CardReading.Said(degraded), StringComparison.Ordinal);
        Assert.Contains("Degraded since", CardReading.Said(degraded), StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Equal(0, bot.Count(Ana, "Wi-Fi"));
    }

    [Fact]
    public async Task ThrottledSendsStillDeliverEachAnnouncementExactlyOnce()
    {
        await using var bot = await ServiceWorld.StartAsync(extra: FastOutbox);
        await bot.ActAsync(Ana, "services.follow", new { serviceId = "wifi" });
        await bot.ActAsync(Carmen, "services.follow", new { serviceId = "wifi" });
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 2, conversationId: Ana.ConversationId);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 1, conversationId: Carmen.ConversationId);

        await bot.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Outage", message = "Down everywhere." });

        await bot.WaitForSentAsync(Ana, "Wi-Fi: status update");
        await bot.WaitForSentAsync(Carmen, "Wi-Fi: cambio de estado");
        await Task.Delay(1000);
        Assert.Equal(1, bot.Count(Ana, "Wi-Fi: status update"));
        Assert.Equal(1, bot.Count(Carmen, "Wi-Fi: cambio de estado"));
        Assert.True(bot.Connector.Requests.Count(r => r.Route == ConnectorRoute.Send && !r.Succeeded && r.ConversationId == Ana.ConversationId) >= 2);
    }

    [Fact]
    public async Task AnAnnouncementThatCouldNotBeSentBeforeARestartIsSentOnceByTheNextProcess()
    {
        using var data = new TemporaryDirectory();
        var first = await ServiceWorld.StartAsync(extra: FastOutbox, dataDirectory: data.Path);
        await using (first)
        {
            await first.ActAsync(Ana, "services.follow", new { serviceId = "wifi" });
            // Teams' pause is shared through the store, so the next process honours it too: keep it short.
            first.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("3"), times: 50, conversationId: Ana.ConversationId);
            await first.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Outage", message = "Down everywhere." });
            await first.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && !r.Succeeded && r.ConversationId == Ana.ConversationId);
        }

        // The next process starts on the same store; Ana's chat is reached through its connector once she is seen again.
        await using var second = await ServiceWorld.StartAsync(extra: FastOutbox, dataDirectory: data.Path, clearRequests: false);

        await second.WaitForSentAsync(Ana, "Wi-Fi: status update", "Down everywhere.");
        await Task.Delay(1000);
        Assert.Equal(0, first.Count(Ana, "Down everywhere."));
        Assert.Equal(1, second.Count(Ana, "Down everywhere."));
    }

    private static async Task OutageCardsRecordedAsync(BotApplication bot, int people)
    {
        using var tenant = Fixtures.InHomeTenant();
        var version = (await bot.Services.GetRequiredService<ServiceCatalogue>().FindAsync("wifi", CancellationToken.None))!.Status.Version;
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        await Eventually.TrueAsync(
            async () => await outbox.ReadDeliveriesAsync(ServiceAnnouncer.BroadcastId("wifi", version)).CountAsync(d => d.Status == DeliveryStatus.Sent) == people,
            "the outage cards recorded as delivered");
    }
}
