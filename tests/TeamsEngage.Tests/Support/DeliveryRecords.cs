using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Waiting;

namespace TeamsEngage.Tests.Support;

/// <summary>Waits on the outbox's own records, for tests that go on to read what is counted from them.</summary>
public static class DeliveryRecords
{
    /// <summary>
    /// Waits until the outbox has recorded how every message of the broadcast ended. The connector receives a message a
    /// moment before its row says so, and "people reached" is counted from the rows.
    /// </summary>
    public static Task WaitUntilRecordedAsync(this BotApplication bot, string broadcastId) =>
        Eventually.TrueAsync(
            async () =>
            {
                using var tenant = Fixtures.InHomeTenant();
                var deliveries = await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(broadcastId).ToListAsync();
                return deliveries.Count > 0 && deliveries.All(d => d.Status != DeliveryStatus.Pending);
            },
            "every message of " + broadcastId + " to be recorded");
}
