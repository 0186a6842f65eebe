using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Outbox;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task ABroadcastReachesExactlyItsRecipientsAndRecordsWhoCannotBeReached()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        var known = OutboxPeople.Many(30);
        var notInstalled = OutboxPeople.Many(2, "stranger");
        await host.KnowAsync(connector, known);
        var recipients = known.Concat(notInstalled).Select(p => OutboxPeople.Recipient(p))
            .Append(new BroadcastRecipient("no-teams-1", null, "ART", "Staff"))
            .Append(new BroadcastRecipient("no-teams-2", null, "ART", "Staff"))
            .ToList();

        var receipt = await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-1", TestRenderer.KindName, "Network upgrade"), OutboxPeople.Stream(recipients));
        var records = await host.WaitUntilSettledAsync("notice-1");

        Assert.Equal(new BroadcastReceipt("notice-1", 32, 2), receipt);
        var sends = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send);
        Assert.Equal(known.Select(p => p.ConversationId).Order(), sends.Select(r => r.ConversationId!).Order());
        Assert.All(sends, s => Assert.Equal("Bearer test-outbound-token", s.Authorization));
        var sent = records.Where(r => r.Status == DeliveryStatus.Sent).ToList();
        Assert.Equal(30, sent.Count);
        Assert.All(sent, r => Assert.False(string.IsNullOrEmpty(r.ActivityId)));
        Assert.All(sent, r => Assert.Equal("SCI", r.DepartmentCode));
        var unreachable = records.Where(r => r.Status == DeliveryStatus.Unreachable).ToList();
        Assert.Equal(4, unreachable.Count);
        Assert.All(unreachable, r => Assert.Equal("NotInstalled", r.FailureReason));
        var text = sends.Select(s => s.ReadActivity()!).First(a => a.Conversation?.Id == known[0].ConversationId).Text;
        Assert.Equal("Network upgrade for key-" + known[0].UserId, text);
    }

    [Fact]
    public async Task StartingTheSameBroadcastAgainAddsNoDuplicates()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        var people = OutboxPeople.Many(12);
        await host.KnowAsync(connector, people);
        var request = new BroadcastRequest("notice-again", TestRenderer.KindName, "Hello");

        await host.Outbox.StartBroadcastAsync(request, OutboxPeople.Stream(people.Take(8).Select(p => OutboxPeople.Recipient(p))));
        var second = await host.Outbox.StartBroadcastAsync(request, OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var records = await host.WaitUntilSettledAsync("notice-again");

        Assert.Equal(4, second.Queued);
        Assert.Equal(12, records.Count);
        // A row is recorded only after its send, so once all twelve are settled every send has reached the stub.
        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var perConversation = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).GroupBy(r => r.ConversationId).ToList();
        Assert.Equal(12, perConversation.Count);
        Assert.All(perConversation, g => Assert.Single(g));
    }

    [Fact]
    public async Task AQueuedMessageIsSentAndItsRendererLearnsTheActivityId()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        await host.KnowAsync(connector, [Persona.Ana]);

        var id = await host.Outbox.EnqueueAsync(new OutboxMessage(Persona.Ana.UserId, TestRenderer.KindName, "Your ticket was claimed", OutboxPriority.Interactive));

        var activity = Assert.Single(await connector.WaitForActivitiesAsync(Persona.Ana.ConversationId));
        Assert.Equal("Your ticket was claimed for Ana Torres", activity.Text);
        Assert.Equal(Persona.Ana.UserId, activity.Recipient?.Id);
        var delivered = await WaitForAsync(() => host.Renderer.Delivered.FirstOrDefault());
        Assert.Equal(id, delivered.OutboxId);
        Assert.Null(delivered.BroadcastId);
        Assert.Equal(Persona.Ana.ConversationId, delivered.ConversationId);
        var response = Assert.Single(connector.RequestsWhere(r => r.Route == ConnectorRoute.Send));
        Assert.Contains(delivered.ActivityId, response.ConversationId + ":" + delivered.ActivityId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(delivered.ActivityId));
    }

    [Fact]
    public async Task AMessageToSomeoneWhoNeverTalkedToTheBotIsNotSent()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        await host.KnowAsync(connector, [Persona.Ben]);

        var toAna = await host.Outbox.EnqueueAsync(new OutboxMessage(Persona.Ana.UserId, TestRenderer.KindName, "first", OutboxPriority.Normal));
        await host.Outbox.EnqueueAsync(new OutboxMessage(Persona.Ben.UserId, TestRenderer.KindName, "second", OutboxPriority.Normal));

        await connector.WaitForActivitiesAsync(Persona.Ben.ConversationId);
        await Eventually.TrueAsync(
            () => host.Logs.GetSnapshot().Any(r => r.Message.Contains(toAna, StringComparison.Ordinal) && r.Message.Contains("recorded as Unreachable (NotInstalled)", StringComparison.Ordinal)),
            "the outbox to record Ana's message as unreachable");
        var sent = Assert.Single(connector.RequestsWhere(r => r.Route == ConnectorRoute.Send));
        Assert.Equal(Persona.Ben.ConversationId, sent.ConversationId);
        Assert.DoesNotContain(host.Renderer.Rendered, r => r.Payload == "first");
    }

    [Fact]
    public async Task UpdatingABroadcastReplacesEachDeliveredMessageInPlace()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        var people = OutboxPeople.Many(10);
        await host.KnowAsync(connector, people);
        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-upd", TestRenderer.KindName, "At 9"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        var records = await host.WaitUntilSettledAsync("notice-upd");

        var queued = await host.Outbox.UpdateDeliveredAsync("notice-upd", TestRenderer.KindName, "Moved to 10");

        Assert.Equal(10, queued);
        var updates = await connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, 10);
        var expected = records.Select(r => (r.ConversationId, r.ActivityId)).Order().ToList();
        Assert.Equal(expected, updates.Select(u => ((string?)u.ConversationId, (string?)u.ActivityId)).Order().ToList());
        Assert.All(updates, u => Assert.StartsWith("updated: Moved to 10 for ", u.ReadActivity()!.Text, StringComparison.Ordinal));
        Assert.All(host.Renderer.Rendered.Where(r => r.IsUpdate), r => Assert.Equal("notice-upd", r.BroadcastId));
        Assert.All(await host.DeliveriesAsync("notice-upd"), r => Assert.Equal(DeliveryStatus.Sent, r.Status));
    }

    [Fact]
    public async Task AnUpdateOfOneMessageUsesItsActivityId()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        await host.KnowAsync(connector, [Persona.Carmen]);

        await host.Outbox.EnqueueUpdateAsync(new OutboxUpdate(Persona.Carmen.UserId, Persona.Carmen.ConversationId, "1700000000123", TestRenderer.KindName, "closed", OutboxPriority.Normal));

        var update = Assert.Single(await connector.WaitForAsync(r => r.Route == ConnectorRoute.Update));
        Assert.Equal("1700000000123", update.ActivityId);
        Assert.Equal(Persona.Carmen.ConversationId, update.ConversationId);
        Assert.Equal("updated: closed for Carmen Ruiz", update.ReadActivity()!.Text);
    }

    [Fact]
    public async Task CancellingABroadcastStopsWhatIsStillPending()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path, new Dictionary<string, string?> { ["TeamsEngage:Outbox:RequestsPerSecond"] = "20" });
        var people = OutboxPeople.Many(60);
        await host.KnowAsync(connector, people);
        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-cancel", TestRenderer.KindName, "Drill"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));
        await connector.WaitForAsync(r => r.Route == ConnectorRoute.Send, 5);

        var cancelled = await host.Outbox.CancelPendingAsync("notice-cancel");
        var sentAtCancel = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).Count;
        // Sends already on their way when the cancel came finish and are recorded; wait until every record has settled.
        var records = await SettledDeliveriesAsync(host, connector, "notice-cancel");
        var sends = connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).Count;
        Assert.InRange(cancelled, 30, 59);
        Assert.InRange(sends, sentAtCancel, sentAtCancel + 32);
        Assert.Equal(sends, records.Count(r => r.Status == DeliveryStatus.Sent));
        Assert.Equal(60 - sends, records.Count(r => r.Status == DeliveryStatus.Cancelled));
    }

    [Fact]
    public async Task ARendererThatReturnsNothingSkipsTheRecipient()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        await using var host = OutboxHost.Start(data.Path);
        var people = OutboxPeople.Many(3);
        await host.KnowAsync(connector, people);

        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-skip", "test.skip", "{}"), OutboxPeople.Stream(people.Select(p => OutboxPeople.Recipient(p))));

        var records = await host.WaitUntilSettledAsync("notice-skip");
        Assert.All(records, r => Assert.Equal(DeliveryStatus.Cancelled, r.Status));
        Assert.Empty(connector.RequestsWhere(r => r.Route == ConnectorRoute.Send));
    }

    internal static async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The condition was not met in time.");
    }

    /// <summary>
    /// The records once they have settled: nothing pending, as many Sent as the connector received, and still so a second
    /// later (a send that passed its last check just before a cancel lands a moment after, and is then recorded Sent).
    /// </summary>
    private static async Task<IReadOnlyList<DeliveryRecord>> SettledDeliveriesAsync(OutboxHost host, ConnectorStub connector, string broadcastId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        (int Sends, int Sent)? previous = null;
        while (true)
        {
            var records = (await host.DeliveriesAsync(broadcastId)).ToList();
            var now = (Sends: connector.RequestsWhere(r => r.Route == ConnectorRoute.Send).Count, Sent: records.Count(r => r.Status == DeliveryStatus.Sent));
            var settled = records.All(r => r.Status != DeliveryStatus.Pending) && now.Sent == now.Sends;
            if ((settled && previous == now) || DateTime.UtcNow > deadline)
            {
                return records;
            }
            previous = settled ? now : null;
            await Task.Delay(settled ? 1000 : 100);
        }
    }
}
