using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>
/// A change saved by a process that stops before queuing its message (and a reminder claimed the same way) is told by
/// the next process's sweep, to everyone it reached, exactly once.
/// </summary>
public sealed class NoticeTellResumeTests
{
    private static readonly object Thursday = new { startDate = "2031-03-06", startTime = "18:00", endDate = "2031-03-06", endTime = "20:00", timeZone = "America/Chicago" };

    private static readonly Persona[] Reached = [Persona.Ana, Persona.Ben, Persona.Carmen, Dan];

    [Fact]
    public async Task ARescheduleSavedButNotToldBeforeAStopIsToldToEveryoneOnceAfterTheRestart()
    {
        using var data = new TemporaryDirectory();
        string id;
        await using (var first = await StartSchoolAsync(services: StopBefore(NoticeVerbs.ChangeKind), dataDirectory: data.Path))
        {
            using var home = Fixtures.InHomeTenant();
            id = await SendEverywhereAsync(first);
            var reschedule = new Dictionary<string, object?>(Window(Thursday)) { ["noticeId"] = id };

            var failed = await first.ExecuteAsync(Persona.Ana, NoticeVerbs.RescheduleSave, reschedule);

            Assert.NotEqual("application/vnd.microsoft.card.adaptive", failed["type"]?.GetValue<string>());
            var stored = await first.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
            Assert.Equal(1, stored!.Revision);
            Assert.Equal([1], stored.TellsDue!.Select(t => t.Revision));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.All(Reached, p => Assert.Empty(Told(first, p)));
        }

        await using var second = await StartSchoolAsync(dataDirectory: data.Path);
        using (Fixtures.InHomeTenant())
        {
            var scheduler = second.Services.GetRequiredService<NoticeScheduler>();
            await scheduler.RunDueAsync(CancellationToken.None);

            await Eventually.TrueAsync(() => Reached.All(p => Told(second, p).Count >= 1), "everyone the notice reached to be told of the change");
            await scheduler.RunDueAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.All(Reached, p => Assert.Single(Told(second, p)));
            Assert.Empty(Told(second, Eve));
            var stored = await second.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
            Assert.Empty(stored!.TellsDue!);
        }
    }

    [Fact]
    public async Task AReminderClaimedButNotStartedBeforeAStopGoesOnceAfterTheRestart()
    {
        using var data = new TemporaryDirectory();
        string id;
        await using (var first = await StartSchoolAsync(services: StopBefore(NoticeVerbs.CardKind, reminders: true), dataDirectory: data.Path))
        {
            using var home = Fixtures.InHomeTenant();
            id = await SendEverywhereAsync(first);

            var failed = await first.ExecuteAsync(Persona.Ana, NoticeVerbs.Remind, new { noticeId = id });

            Assert.NotEqual("Reminder sent to 4 people.", failed["value"]?.ToString());
            var stored = await first.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
            Assert.True(stored!.Reminded && stored.ReminderDue);
        }

        await using var second = await StartSchoolAsync(dataDirectory: data.Path);
        using (Fixtures.InHomeTenant())
        {
            var scheduler = second.Services.GetRequiredService<NoticeScheduler>();
            await scheduler.RunDueAsync(CancellationToken.None);

            await Eventually.TrueAsync(() => Reached.All(p => Delivered(second, p).Count >= 1), "everyone who did not acknowledge to be reminded");
            await scheduler.RunDueAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.All(Reached, p => Assert.Single(Delivered(second, p)));
            var stored = await second.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
            Assert.False(stored!.ReminderDue);
        }
    }

    // Sent to everyone: Ana, Ben, Carmen and Dan get it; Eve cannot be reached. Returns once it settled.
    private static async Task<string> SendEverywhereAsync(BotApplication bot)
    {
        var id = await SendAsync(bot, Form(audience: "Everyone"));
        await UntilSettledAsync(bot, id);
        await UntilDeliveredAsync(bot, id, 4);
        return id;
    }

    private static Dictionary<string, object?> Window(object window) =>
        System.Text.Json.JsonSerializer.SerializeToNode(window)!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value!.GetValue<string>());

    private static IReadOnlyList<TeamsEngage.Connector.Schema.Activity> Told(BotApplication bot, Persona persona) =>
        [.. bot.SentTo(persona).Where(a => a.Attachments is { Count: > 0 } && SentCards.CardOf(a).ToJsonString() is var json
            && (json.Contains("Schedule changed", StringComparison.Ordinal) || json.Contains("Cambio de horario", StringComparison.Ordinal)))];

    // The outbox's own implementation is internal: it is taken from its registration and wrapped.
    private static Action<IServiceCollection> StopBefore(string kind, bool reminders = false) => services =>
    {
        var registered = services.Single(d => d.ServiceType == typeof(IOutbox));
        services.Remove(registered);
        services.AddSingleton<IOutbox>(sp => new OutboxThatStops((IOutbox)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), kind, reminders));
    };

    /// <summary>An outbox whose start of a broadcast of one kind fails, as if the process stopped right after the notice was saved.</summary>
    private sealed class OutboxThatStops(IOutbox inner, string kind, bool reminders) : IOutbox
    {
        public Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) => inner.EnqueueAsync(message, cancellationToken);
        public Task<string> EnqueueUpdateAsync(OutboxUpdate update, CancellationToken cancellationToken = default) => inner.EnqueueUpdateAsync(update, cancellationToken);
        public Task<BroadcastReceipt> StartBroadcastAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken = default) =>
            request.Kind == kind && (!reminders || request.BroadcastId.EndsWith("-reminder", StringComparison.Ordinal))
                ? throw new InvalidOperationException("stopped")
                : inner.StartBroadcastAsync(request, recipients, cancellationToken);
        public Task QueueBroadcastAsync(BroadcastRequest request, BroadcastAudienceSpec audience, CancellationToken cancellationToken = default) => inner.QueueBroadcastAsync(request, audience, cancellationToken);
        public Task<BroadcastProgress?> ReadProgressAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.ReadProgressAsync(broadcastId, cancellationToken);
        public Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken = default) => inner.UpdateDeliveredAsync(broadcastId, kind, payload, cancellationToken);
        public Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.CancelPendingAsync(broadcastId, cancellationToken);
        public IAsyncEnumerable<DeliveryRecord> ReadDeliveriesAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.ReadDeliveriesAsync(broadcastId, cancellationToken);
    }
}
