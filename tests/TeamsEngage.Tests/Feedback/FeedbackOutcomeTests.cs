using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

/// <summary>Outcomes reach the raiser and every supporter, in their language, exactly once; never an anonymous sender.</summary>
public sealed class FeedbackOutcomeTests
{
    [Fact]
    public async Task PlannedDoneAndDeclinedAreToldToTheRaiserAndSupportersInTheirLanguage()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        await bot.SupportAsync(Carmen, id);

        await bot.MoveAsync(Ben, id, "UnderReview");
        await bot.MoveAsync(Ben, id, "Planned", targetDate: "2027-02-01");
        await bot.WaitForSentAsync(Ana, id, "IT has planned it for Mon 1 Feb 2027.");
        await bot.WaitForSentAsync(Carmen, id, "TI lo planific", "para el lun 1 feb 2027.");
        await bot.MoveAsync(Ben, id, "Done");
        await bot.WaitForSentAsync(Ana, id, "IT has done it.");
        await bot.WaitForSentAsync(Carmen, id, "TI ya lo hizo.");

        Assert.Equal(2, bot.Count(Ana, id));
        Assert.Equal(2, bot.Count(Carmen, id));
        Assert.Equal(0, bot.Count(Gus, id));
    }

    [Fact]
    public async Task ADeclineTellsItsReasonAndAnAnonymousSenderIsNotMessaged()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Carmen, "Quiero dos pantallas en el aula", anonymous: true);
        await bot.SupportAsync(Ana, id);

        await bot.MoveAsync(Ben, id, "Declined", reason: "No budget for second screens this year");

        await bot.WaitForSentAsync(Ana, id, "IT declined it, for this reason:", "No budget for second screens this year");
        Assert.Equal(0, bot.Count(Carmen, id));
    }

    [Fact]
    public async Task UnderThrottlingEachPersonGetsEachOutcomeExactlyOnce()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        foreach (var supporter in new[] { Gus, Carmen, Hal, Fay })
        {
            await bot.SupportAsync(supporter, id);
        }
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 3);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 2, conversationId: Gus.ConversationId);

        await bot.MoveAsync(Ben, id, "Planned", targetDate: "2027-02-01");

        foreach (var person in new[] { Ana, Gus, Carmen, Hal, Fay })
        {
            await bot.WaitForSentAsync(person, id);
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(new[] { Ana, Gus, Carmen, Hal, Fay }, person => Assert.Equal(1, bot.Count(person, id)));
        Assert.Contains(bot.Connector.Requests, r => r.Route == ConnectorRoute.Send && r.ResponseStatus == 429);
    }

    [Fact]
    public async Task AnOutcomeStoredButNotQueuedBeforeAStopIsToldOnceAfterTheRestart()
    {
        using var data = new TemporaryDirectory();
        string id;
        await using (var first = await StartAsync(dataDirectory: data.Path, services: StopBeforeQueuing))
        {
            id = await first.FileAsync(Ana, "Microscope cameras for the biology lab");
            await first.SupportAsync(Carmen, id);
            // The invoke fails at the boundary (the person is told something went wrong) after the item was written.
            Assert.NotEqual("application/vnd.microsoft.card.adaptive", (await first.MoveAsync(Ben, id, "Planned", targetDate: "2027-02-01"))["type"]?.GetValue<string>());
            var stored = await first.ItemAsync(id);
            Assert.Equal((FeedbackState.Planned, 1, 0), (stored.State, stored.Version, stored.ToldVersion));
        }

        await using var second = await StartAsync(dataDirectory: data.Path);
        await second.Services.GetRequiredService<FeedbackSweep>().SweepOnceAsync(CancellationToken.None);

        await second.WaitForSentAsync(Ana, id, "IT has planned it");
        await second.WaitForSentAsync(Carmen, id, "para el lun 1 feb 2027.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal((1, 1), (second.Count(Ana, id), second.Count(Carmen, id)));
        Assert.Equal(0, await second.Services.GetRequiredService<FeedbackSweep>().SweepOnceAsync(CancellationToken.None));
    }

    // The outbox's own implementation is internal: it is taken from its registration and wrapped.
    private static void StopBeforeQueuing(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IOutbox));
        services.Remove(registered);
        services.AddSingleton<IOutbox>(sp => new OutboxThatStops((IOutbox)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }

    /// <summary>An outbox whose queuing of broadcasts fails, as if the process stopped right after the item was written.</summary>
    private sealed class OutboxThatStops(IOutbox inner) : IOutbox
    {
        public Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) => inner.EnqueueAsync(message, cancellationToken);
        public Task<string> EnqueueUpdateAsync(OutboxUpdate update, CancellationToken cancellationToken = default) => inner.EnqueueUpdateAsync(update, cancellationToken);
        public Task<BroadcastReceipt> StartBroadcastAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken = default) => inner.StartBroadcastAsync(request, recipients, cancellationToken);
        public Task QueueBroadcastAsync(BroadcastRequest request, BroadcastAudienceSpec audience, CancellationToken cancellationToken = default) =>
            request.Kind == FeedbackOutboxKinds.Outcome ? throw new InvalidOperationException("stopped") : inner.QueueBroadcastAsync(request, audience, cancellationToken);
        public Task<BroadcastProgress?> ReadProgressAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.ReadProgressAsync(broadcastId, cancellationToken);
        public Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken = default) => inner.UpdateDeliveredAsync(broadcastId, kind, payload, cancellationToken);
        public Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.CancelPendingAsync(broadcastId, cancellationToken);
        public IAsyncEnumerable<DeliveryRecord> ReadDeliveriesAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.ReadDeliveriesAsync(broadcastId, cancellationToken);
    }
}
