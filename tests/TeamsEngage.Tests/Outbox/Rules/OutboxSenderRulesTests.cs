using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Conversations;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// What the sender puts on the wire and records, one rule at a time: an update goes to the stored conversation and
/// activity, a card and its text travel together, a connector that never answers is given up on after the send timeout,
/// a renderer registered twice is the last one, and a row that waited long for its turn is checked again before it goes.
/// </summary>
public sealed class OutboxSenderRulesTests
{
    private const string Kind = "rules.note";

    [Fact]
    public async Task AnUpdateReplacesTheMessageInTheConversationItWasSentToNotThePersonsCurrentOne()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-now");
        var pending = await world.Parts.QueuedRowAsync("29:ana", Update("a:conv-then", "act-then"));

        var outcome = await world.SendAsync(pending);

        Assert.Null(outcome.RetryAt);
        var call = Assert.Single(world.Connector.Calls);
        Assert.Equal(("update", "a:conv-then", "act-then"), (call.Verb, call.ConversationId, call.ActivityId));
        var delivered = Assert.Single(renderer.Delivered);
        Assert.Equal(("a:conv-then", "act-then"), (delivered.ConversationId, delivered.ActivityId));
    }

    [Fact]
    public async Task AnUpdatedMessageIsReportedUnderTheActivityTheConnectorAnsweredWithElseTheOneReplaced()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-now");
        world.Connector.Answer = _ => Task.FromResult(new ResourceResponse("act-renewed"));
        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", Update("a:conv-then", "act-then")));
        world.Connector.Answer = _ => Task.FromResult(new ResourceResponse(null));
        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", Update("a:conv-then", "act-then")));

        Assert.Equal(["act-renewed", "act-then"], renderer.Delivered.Select(d => d.ActivityId));
    }

    [Fact]
    public async Task ANewMessageTheConnectorGaveNoIdIsReportedDeliveredWithAnEmptyActivity()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        world.Connector.Answer = _ => Task.FromResult(new ResourceResponse(null));

        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", New()));

        var delivered = Assert.Single(renderer.Delivered);
        Assert.Equal(("a:conv-ana", string.Empty), (delivered.ConversationId, delivered.ActivityId));
        Assert.Equal("send", Assert.Single(world.Connector.Calls).Verb);
    }

    [Fact]
    public async Task AMessageWithACardAndTextCarriesBothAndACardAloneCarriesNoText()
    {
        var both = new RulesRenderer("rules.both", _ => new RenderedMessage(new AdaptiveCard(), "Read me", "Summary"));
        var cardOnly = new RulesRenderer("rules.card", _ => new RenderedMessage(new AdaptiveCard(), null, "Summary"));
        var neither = new RulesRenderer("rules.empty", _ => new RenderedMessage(null, null));
        using var world = await SenderWorld.CreateAsync(null, both, cardOnly, neither);
        await world.KnowAsync("29:ana", "a:conv-ana");

        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", New("rules.both")));
        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", New("rules.card")));
        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", New("rules.empty")));

        var activities = world.Connector.Calls.Select(c => c.Activity).ToList();
        Assert.Equal("Read me", activities[0].Text);
        Assert.Equal(ContentTypes.AdaptiveCard, Assert.Single(activities[0].Attachments!).ContentType);
        Assert.Null(activities[1].Text);
        Assert.Equal("Summary", activities[1].Summary);
        Assert.Single(activities[1].Attachments!);
        Assert.Equal(string.Empty, activities[2].Text);
        Assert.True(activities[2].Attachments is null or { Count: 0 });
    }

    [Fact]
    public async Task ARendererRegisteredTwiceForAKindIsTheOneRegisteredLast()
    {
        var first = new RulesRenderer(Kind, _ => new RenderedMessage(null, "first"));
        var last = new RulesRenderer(Kind, _ => new RenderedMessage(null, "last"));
        using var world = await SenderWorld.CreateAsync(null, first, last);
        await world.KnowAsync("29:ana", "a:conv-ana");

        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", New()));

        Assert.Equal("last", Assert.Single(world.Connector.Calls).Activity.Text);
        Assert.Empty(first.Delivered);
        Assert.Single(last.Delivered);
    }

    [Fact]
    public async Task AConnectorThatNeverAnswersIsGivenUpOnAfterTheSendTimeoutAndTheMessageIsTriedAgain()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(new OutboxOptions { SendTimeout = TimeSpan.FromMilliseconds(300) }, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        world.Connector.Answer = async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new ResourceResponse("never");
        };
        var pending = await world.Parts.QueuedRowAsync("29:ana", New());

        var outcome = await world.SendAsync(pending).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotNull(outcome.RetryAt);
        Assert.Equal(1, pending.Attempts);
        Assert.Empty(renderer.Delivered);
        Assert.NotNull(await world.Parts.StoredAsync(pending));
    }

    [Fact]
    public async Task ARendererThatFailsAsTheOutboxStopsCountsAnAttemptAndTheMessageIsKeptForLater()
    {
        using var stopping = new CancellationTokenSource();
        var renderer = new RulesRenderer(Kind, _ =>
        {
            stopping.Cancel();
            throw new InvalidOperationException("the feature's table is unreadable");
        });
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        var pending = await world.Parts.QueuedRowAsync("29:ana", New());

        var outcome = await world.SendAsync(pending, stopping.Token);

        Assert.NotNull(outcome.RetryAt);
        Assert.Equal(1, pending.Attempts);
        Assert.Empty(world.Connector.Calls);
        Assert.NotNull(await world.Parts.StoredAsync(pending));
    }

    [Fact]
    public async Task AFailingDeliveryCallbackDoesNotSendTheMessageAgain()
    {
        var renderer = new RulesRenderer(Kind) { FailOnDelivered = true };
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        var pending = await world.Parts.QueuedRowAsync("29:ana", New());

        var outcome = await world.SendAsync(pending);

        Assert.Null(outcome.RetryAt);
        Assert.Equal(0, pending.Attempts);
        Assert.Single(world.Connector.Calls);
        Assert.Null(await world.Parts.StoredAsync(pending));
    }

    [Fact]
    public async Task ABroadcastDeliveryIsReportedUnderItsShardAndRowAndASingleMessageUnderItsRow()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        await world.Parts.WriteHeaderAsync(Header("b-ids"));
        var shardRow = await world.Parts.BroadcastRowAsync("b-ids", "29:ana");
        var queued = await world.Parts.QueuedRowAsync("29:ana", New());

        await world.SendAsync(shardRow);
        await world.SendAsync(queued);

        Assert.Equal(
            [shardRow.Row.PartitionKey + "/" + shardRow.Row.RowKey, queued.Row.RowKey],
            renderer.Delivered.Select(d => d.OutboxId));
        Assert.Equal("b-ids", renderer.Delivered.First().BroadcastId);
    }

    [Fact]
    public async Task ARowOfACancelledBroadcastIsRecordedCancelledAndNothingIsSent()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        await world.Parts.WriteHeaderAsync(Header("b-cancelled") with { Cancelled = true });
        var pending = await world.Parts.BroadcastRowAsync("b-cancelled", "29:ana");

        var outcome = await world.SendAsync(pending);

        Assert.Null(outcome.RetryAt);
        Assert.Empty(world.Connector.Calls);
        Assert.Empty(renderer.Rendered);
        Assert.Equal(nameof(DeliveryStatus.Cancelled), (await world.Parts.StoredAsync(pending))!.GetString(RowFields.Status));
    }

    [Fact]
    public async Task AMessageOfAKindNoFeatureRendersIsRecordedFailedAndNothingIsSent()
    {
        using var world = await SenderWorld.CreateAsync(null, new RulesRenderer(Kind));
        await world.KnowAsync("29:ana", "a:conv-ana");
        await world.Parts.WriteHeaderAsync(Header("b-unknown") with { Kind = "nobody.renders" });
        var pending = await world.Parts.BroadcastRowAsync("b-unknown", "29:ana");

        await world.SendAsync(pending);

        var stored = (await world.Parts.StoredAsync(pending))!;
        Assert.Equal((nameof(DeliveryStatus.Failed), FailureReasons.Error), (stored.GetString(RowFields.Status), stored.GetString(RowFields.Reason)));
        Assert.Empty(world.Connector.Calls);
    }

    [Fact]
    public async Task ASingleMessageWithoutAPayloadIsRenderedWithAnEmptyOne()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");

        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", new Dictionary<string, object?> { [RowFields.Kind] = Kind }));

        Assert.Equal(string.Empty, Assert.Single(renderer.Rendered).Payload);
    }

    [Fact]
    public async Task AMessageThatGetsItsTurnAtOnceReadsThePersonsConversationOnlyOnce()
    {
        var reads = new List<string>();
        using var world = await SenderWorld.CreateAsync(null, t => t.Name == ConversationReferenceStore.TableName ? new CountingGets(t, reads) : t, new RulesRenderer(Kind));
        await world.KnowAsync("29:ana", "a:conv-ana");
        var pending = await world.Parts.QueuedRowAsync("29:ana", New());
        reads.Clear();

        await world.SendAsync(pending);

        Assert.Single(reads);
        Assert.Single(world.Connector.Calls);
    }

    [Fact]
    public async Task AMessageThatWaitedOverASecondForItsTurnIsNotSentToSomeoneWhoUninstalledMeanwhile()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        await world.Parts.WriteHeaderAsync(Header("b-waited"));
        var pending = await world.Parts.BroadcastRowAsync("b-waited", "29:ana");

        var outcome = await SendAfterALongWaitAsync(world, pending, async () =>
        {
            using var tenant = TenantScope.Enter(OutboxParts.Tenant);
            Assert.True(await world.References.DeleteAsync("29:ana", CancellationToken.None));
        });

        Assert.Null(outcome.RetryAt);
        Assert.Empty(world.Connector.Calls);
        var stored = (await world.Parts.StoredAsync(pending))!;
        Assert.Equal((nameof(DeliveryStatus.Unreachable), FailureReasons.NotInstalled), (stored.GetString(RowFields.Status), stored.GetString(RowFields.Reason)));
    }

    [Fact]
    public async Task AMessageThatWaitedOverASecondForItsTurnIsNotSentWhenItsBroadcastWasCancelledMeanwhile()
    {
        var renderer = new RulesRenderer(Kind);
        using var world = await SenderWorld.CreateAsync(null, renderer);
        await world.KnowAsync("29:ana", "a:conv-ana");
        await world.Parts.WriteHeaderAsync(Header("b-waited"));
        var pending = await world.Parts.BroadcastRowAsync("b-waited", "29:ana");

        var outcome = await SendAfterALongWaitAsync(world, pending, () => world.Parts.WriteHeaderAsync(Header("b-waited") with { Cancelled = true }));

        Assert.Null(outcome.RetryAt);
        Assert.Empty(world.Connector.Calls);
        Assert.Equal(nameof(DeliveryStatus.Cancelled), (await world.Parts.StoredAsync(pending))!.GetString(RowFields.Status));
    }

    [Fact]
    public async Task AMessageIsAddressedToThePersonFromTheBotInTheirConversationAndTenant()
    {
        using var world = await SenderWorld.CreateAsync(null, new RulesRenderer(Kind));
        await world.KnowAsync("29:ana", "a:conv-ana");
        await world.References.RefreshAsync(new ConversationReference("29:ben", null, "Ben", SenderWorld.ServiceUrl, "a:conv-ben", OutboxParts.Tenant, null, "en-US", null), CancellationToken.None);

        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ana", New()));
        await world.SendAsync(await world.Parts.QueuedRowAsync("29:ben", New()));

        var (ana, ben) = (world.Connector.Calls[0].Activity, world.Connector.Calls[1].Activity);
        Assert.Equal(("29:ana", "29:ana"), (ana.Recipient?.Id, ana.Recipient?.Name));
        Assert.Equal("28:bot", ana.From?.Id);
        Assert.Equal(("a:conv-ana", OutboxParts.Tenant), (ana.Conversation?.Id, ana.Conversation?.TenantId));
        Assert.Equal(("29:ben", "Ben"), (ben.Recipient?.Id, ben.Recipient?.Name));
        Assert.Null(ben.From);
    }

    /// <summary>
    /// Sends the row while its tenant is paused for 30 s; once the send has waited over a second (so it reads the header
    /// and the reference again), does <paramref name="meanwhile"/>, then runs the fake clock until the send ends.
    /// </summary>
    private static async Task<SendOutcome> SendAfterALongWaitAsync(SenderWorld world, PendingRow pending, Func<Task> meanwhile)
    {
        world.Parts.Limiter.Pause(OutboxParts.Tenant, TimeSpan.FromSeconds(30));
        var sending = world.SendAsync(pending);
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        Assert.False(sending.IsCompleted);
        await meanwhile();
        for (var i = 0; i < 400 && !sending.IsCompleted; i++)
        {
            world.Parts.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }
        return await sending.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static Dictionary<string, object?> New(string kind = Kind) => new() { [RowFields.Kind] = kind, [RowFields.Payload] = "hello" };

    private static Dictionary<string, object?> Update(string conversationId, string activityId) => new()
    {
        [RowFields.Kind] = Kind,
        [RowFields.Payload] = "hello again",
        [RowFields.IsUpdate] = true,
        [RowFields.ConversationId] = conversationId,
        [RowFields.ActivityId] = activityId,
    };

    private static BroadcastHeader Header(string broadcastId) => OutboxParts.Header(broadcastId) with { Kind = Kind };

    /// <summary>A table that notes every point read.</summary>
    private sealed class CountingGets(IStoreTable inner, List<string> reads) : StoreTableDecorator(inner)
    {
        public override Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            lock (reads)
            {
                reads.Add(partitionKey);
            }
            return base.GetAsync(partitionKey, rowKey, cancellationToken);
        }
    }
}
