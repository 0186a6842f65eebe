using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// When the outbox gives up on a message, the feature that wrote it is told once, in the message's tenant, with what the
/// message was and who it was for, so its reports can say who was not reached and why.
/// </summary>
public sealed class UndeliverableCallbacksRulesTests
{
    private const string Kind = "notice";

    [Fact]
    public async Task ABroadcastMessageGivenUpOnIsToldToItsKindsRendererInItsTenantWithTheRecipientAndTheReason()
    {
        using var parts = await OutboxParts.CreateAsync();
        var renderer = new TellingRenderer(Kind);
        await parts.WriteHeaderAsync(OutboxParts.Header("b-1") with { Payload = "{\"notice\":\"n-1\"}" });
        var pending = await RowOfAsync(parts, await parts.BroadcastRowAsync("b-1", "29:ana"), "ana-key", "SCI");

        await Recorder(parts, Callbacks(parts, renderer)).FinishAsync(pending, DeliveryStatus.Unreachable, FailureReasons.Blocked, CancellationToken.None);

        var told = Assert.Single(renderer.Told);
        Assert.Equal(new UndeliverableContext("b-1", Kind, "{\"notice\":\"n-1\"}", false, "ana-key", "29:ana", "SCI", DeliveryStatus.Unreachable, FailureReasons.Blocked), told.Context);
        Assert.Equal(OutboxParts.Tenant, told.Tenant);
    }

    [Fact]
    public async Task AnUpdateGivenUpOnNamesTheBroadcastItUpdates()
    {
        using var parts = await OutboxParts.CreateAsync();
        var renderer = new TellingRenderer(Kind);
        await parts.WriteHeaderAsync(OutboxParts.Header("b-1-update") with { IsUpdate = true, ParentBroadcastId = "b-1" });
        var pending = await parts.BroadcastRowAsync("b-1-update", "29:ana");

        await Callbacks(parts, renderer).TellAsync(pending, OutboxParts.Tenant, DeliveryStatus.Failed, FailureReasons.Error, CancellationToken.None);

        var told = Assert.Single(renderer.Told).Context;
        Assert.Equal("b-1", told.BroadcastId);
        Assert.True(told.IsUpdate);
        Assert.Equal(DeliveryStatus.Failed, told.Status);
    }

    [Fact]
    public async Task ASingleMessageGivenUpOnIsDescribedByItsOwnRowWithoutABroadcast()
    {
        using var parts = await OutboxParts.CreateAsync();
        var renderer = new TellingRenderer(Kind);
        var update = await parts.QueuedRowAsync("29:ana", new Dictionary<string, object?> { [RowFields.Kind] = Kind, [RowFields.Payload] = "{\"ticket\":7}", [RowFields.IsUpdate] = true });
        var plain = await parts.QueuedRowAsync("29:ben", new Dictionary<string, object?> { [RowFields.Kind] = Kind });
        var callbacks = Callbacks(parts, renderer);

        await callbacks.TellAsync(update, OutboxParts.Tenant, DeliveryStatus.Unreachable, FailureReasons.NotInstalled, CancellationToken.None);
        await callbacks.TellAsync(plain, OutboxParts.Tenant, DeliveryStatus.Unreachable, FailureReasons.Gone, CancellationToken.None);

        Assert.Equal(
            [
                new UndeliverableContext(null, Kind, "{\"ticket\":7}", true, null, "29:ana", null, DeliveryStatus.Unreachable, FailureReasons.NotInstalled),
                new UndeliverableContext(null, Kind, string.Empty, false, null, "29:ben", null, DeliveryStatus.Unreachable, FailureReasons.Gone),
            ],
            renderer.Told.Select(t => t.Context));
    }

    [Fact]
    public async Task OnlyTheRendererOfTheMessagesKindIsToldOfTwoForOneKindTheOneRegisteredLastAndAKindNobodyRendersIsNoError()
    {
        using var parts = await OutboxParts.CreateAsync();
        var first = new TellingRenderer(Kind);
        var last = new TellingRenderer(Kind);
        var other = new TellingRenderer("poll");
        var logger = new FakeLogger<UndeliverableCallbacks>();
        var callbacks = new UndeliverableCallbacks(Services(first, other, last), parts.Headers, logger);
        var known = await parts.QueuedRowAsync("29:ana", new Dictionary<string, object?> { [RowFields.Kind] = Kind });
        var unknown = await parts.QueuedRowAsync("29:ben", new Dictionary<string, object?> { [RowFields.Kind] = "retired-kind" });
        var kindless = await parts.QueuedRowAsync("29:cy");

        foreach (var pending in new[] { known, unknown, kindless })
        {
            await callbacks.TellAsync(pending, OutboxParts.Tenant, DeliveryStatus.Failed, FailureReasons.Error, CancellationToken.None);
        }

        Assert.Empty(first.Told);
        Assert.Empty(other.Told);
        Assert.Equal("29:ana", Assert.Single(last.Told).Context.UserId);
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task ARendererThatFailsIsLoggedAndTheOutcomeStaysRecordedButCancellationIsPassedOn()
    {
        using var parts = await OutboxParts.CreateAsync();
        var logger = new FakeLogger<UndeliverableCallbacks>();
        var failing = new TellingRenderer(Kind) { Failure = new InvalidOperationException("the report could not be written") };
        var callbacks = new UndeliverableCallbacks(Services(failing), parts.Headers, logger);
        var pending = await parts.QueuedRowAsync("29:ana", new Dictionary<string, object?> { [RowFields.Kind] = Kind, [RowFields.Status] = nameof(DeliveryStatus.Pending) });

        await Recorder(parts, callbacks).FinishAsync(pending, DeliveryStatus.Unreachable, FailureReasons.Blocked, CancellationToken.None);

        Assert.Null(await parts.StoredAsync(pending));
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Exception == failing.Failure && r.Message.Contains(pending.Row.PartitionKey, StringComparison.Ordinal));

        var cancelled = new TellingRenderer(Kind) { Failure = new OperationCanceledException() };
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            new UndeliverableCallbacks(Services(cancelled), parts.Headers, logger).TellAsync(pending, OutboxParts.Tenant, DeliveryStatus.Failed, FailureReasons.Error, CancellationToken.None));
    }

    [Fact]
    public async Task AMessageCancelledSentOrWithoutATenantIsNeverToldAsUndeliverable()
    {
        using var parts = await OutboxParts.CreateAsync();
        var renderer = new TellingRenderer(Kind);
        var recorder = Recorder(parts, Callbacks(parts, renderer));
        await parts.WriteHeaderAsync(OutboxParts.Header("b-1"));
        await parts.WriteHeaderAsync(OutboxParts.Header("b-none", tenant: null));

        await recorder.FinishAsync(await parts.BroadcastRowAsync("b-1", "29:ana"), DeliveryStatus.Cancelled, null, CancellationToken.None);
        await recorder.FinishSentAsync(await parts.BroadcastRowAsync("b-1", "29:ben"), "a:conv-ben", "1", CancellationToken.None);
        await recorder.FinishAsync(await parts.BroadcastRowAsync("b-none", "29:cy", rowTenant: null), DeliveryStatus.Failed, null, CancellationToken.None);
        await recorder.FinishAsync(await parts.BroadcastRowAsync("b-1", "29:dee"), DeliveryStatus.Failed, null, CancellationToken.None);

        var told = Assert.Single(renderer.Told).Context;
        Assert.Equal(("29:dee", FailureReasons.Error), (told.UserId, told.Reason));
    }

    private static async Task<PendingRow> RowOfAsync(OutboxParts parts, PendingRow pending, string personKey, string department)
    {
        var row = pending.Row with
        {
            Properties = new Dictionary<string, object?>(pending.Row.Properties) { [RowFields.PersonKey] = personKey, [RowFields.DepartmentCode] = department },
        };
        var stored = await parts.Store.Table(OutboxKeys.RowsTable).UpdateAsync(row);
        return new PendingRow(pending.Item, stored);
    }

    private static UndeliverableCallbacks Callbacks(OutboxParts parts, params IOutboxRenderer[] renderers) =>
        new(Services(renderers), parts.Headers, new FakeLogger<UndeliverableCallbacks>());

    private static DeliveryRecorder Recorder(OutboxParts parts, UndeliverableCallbacks callbacks) =>
        new(parts.Tables, parts.Metrics, parts.Clock, new FakeLogger<DeliveryRecorder>(), callbacks);

    private static ServiceProvider Services(params IOutboxRenderer[] renderers)
    {
        var services = new ServiceCollection();
        foreach (var renderer in renderers)
        {
            services.AddSingleton(renderer);
        }
        return services.BuildServiceProvider();
    }

    /// <summary>A renderer that notes each message it is told was not delivered, and the tenant it was told in.</summary>
    private sealed class TellingRenderer(string kind) : IOutboxRenderer
    {
        public string Kind => kind;

        public Exception? Failure { get; init; }

        public List<(UndeliverableContext Context, string? Tenant)> Told { get; } = [];

        public Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken) =>
            Task.FromResult<RenderedMessage?>(new RenderedMessage(null, context.Payload));

        public Task OnUndeliverableAsync(UndeliverableContext context, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }
            Told.Add((context, TenantScope.Current));
            return Task.CompletedTask;
        }
    }
}
