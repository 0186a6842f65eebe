using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;

namespace TeamsEngage.Tests.Outbox;

/// <summary>A per-recipient "not before": the people in their quiet hours wait, nobody else does.</summary>
public sealed class QuietHoursDeliveryTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task RecipientsInQuietHoursWaitForTheirTimeWhileTheRestOfTheBroadcastGoesAtOnce()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, OutboxHost.FastSettings());
        var people = OutboxPeople.Many(8);
        await host.KnowAsync(connector, people);
        var notBefore = DateTimeOffset.UtcNow + Hold;
        var held = people.Take(3).Select(p => p.ConversationId).ToHashSet();
        var recipients = people.Select((p, i) => OutboxPeople.Recipient(p) with { NotBefore = i < 3 ? notBefore : null });

        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("quiet", TestRenderer.KindName, "Poll"), OutboxPeople.Stream(recipients));
        var early = await Eventually.ValueAsync(() => host.DeliveriesAsync("quiet"), r => r.Count(d => d.Status == DeliveryStatus.Sent) == 5, "the five without quiet hours");
        var fiveSentBy = DateTimeOffset.UtcNow;
        var records = await host.WaitUntilSettledAsync("quiet");

        Assert.True(fiveSentBy < notBefore, "the others did not wait for the held ones");
        Assert.Equal(3, early.Count(d => d.Status == DeliveryStatus.Pending && d.NotBefore == notBefore));
        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var sends = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send && r.Succeeded);
        Assert.Equal(8, sends.Count);
        Assert.All(sends.Where(s => held.Contains(s.ConversationId!)), s => Assert.True(s.ReceivedAt >= notBefore, $"sent at {s.ReceivedAt:O}, before {notBefore:O}"));
        // With only waiting rows left and the broadcast written, the shard gave its lease back until the first may go.
        Assert.Contains(host.Logs.GetSnapshot(), l => l.Message.Contains("waits for quiet hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHeldSingleMessageWaitsWithoutHoldingUpTheMessagesQueuedAfterIt()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, OutboxHost.FastSettings());
        var people = OutboxPeople.Many(2);
        await host.KnowAsync(connector, people);
        var notBefore = DateTimeOffset.UtcNow + Hold;

        await host.Outbox.EnqueueAsync(OutboxMessage.Create(people[0].UserId, TestRenderer.KindName, "Reminder", OutboxPriority.Normal, notBefore));
        await host.Outbox.EnqueueAsync(OutboxMessage.Create(people[1].UserId, TestRenderer.KindName, "Reply", OutboxPriority.Normal));

        var first = await connector.WaitForActivitiesAsync(people[1].ConversationId);
        Assert.Empty(connector.RequestsWhere(r => r.Route == ConnectorRoute.Send && r.ConversationId == people[0].ConversationId));
        Assert.True(DateTimeOffset.UtcNow < notBefore, "the reply did not wait for the reminder");
        await connector.WaitForActivitiesAsync(people[0].ConversationId, timeout: TimeSpan.FromSeconds(15));
        var reminder = Assert.Single(connector.RequestsWhere(r => r.Route == ConnectorRoute.Send && r.ConversationId == people[0].ConversationId));
        Assert.True(reminder.ReceivedAt >= notBefore, $"sent at {reminder.ReceivedAt:O}, before {notBefore:O}");
        Assert.Single(first);
    }
}
