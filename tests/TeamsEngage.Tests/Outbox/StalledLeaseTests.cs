using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox;

/// <summary>
/// A busy store can hold up the renewal of a shard's lease until too little of it is left to start a send. A row that
/// reached its turn in that moment is not sent then; it must still be sent once the lease is renewed, never taken for
/// done and left pending when the shard is closed.
/// </summary>
public sealed class StalledLeaseTests
{
    private static readonly Dictionary<string, string?> ShortLease = new()
    {
        ["TeamsEngage:Outbox:ShardsPerBroadcast"] = "1",
        ["TeamsEngage:Outbox:SendTimeout"] = "00:00:01",
        ["TeamsEngage:Outbox:LeaseDuration"] = "00:00:02.500",
    };

    [Fact]
    public async Task ARowThatMeetsAStalledLeaseRenewalTwiceIsStillSentOnceTheLeaseIsRenewed()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        using var renderer = new HeldRenderer();
        using var renewals = new RenewalGate();
        await using var host = OutboxHost.Start(data.Path, ShortLease, services =>
        {
            services.AddSingleton<IOutboxRenderer>(renderer);
            WrappedTableStore.Around(services, table => table.Name == OutboxKeys.WorkTable ? new StallingWork(renewals, table) : table);
        });
        var person = OutboxPeople.Many(1)[0];
        await host.KnowAsync(connector, [person]);
        await host.Outbox.StartBroadcastAsync(new BroadcastRequest("notice-stall", HeldRenderer.KindName, "x"), OutboxPeople.Stream([OutboxPeople.Recipient(person)]));

        // Twice: the row is on its way while the renewal hangs until the lease is nearly over, then its turn comes.
        for (var stall = 0; stall < 2; stall++)
        {
            await renderer.WaitUntilHeldAsync();
            renewals.Stall();
            await renewals.WaitUntilStalledAsync();
            // The whole lease runs down to less than a send's timeout, wherever the keeper was held.
            await Task.Delay(TimeSpan.FromSeconds(2));
            renderer.ReleaseOne();
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            renewals.Resume();
        }
        renderer.HoldNoMore();

        var records = await host.WaitUntilSettledAsync("notice-stall", TimeSpan.FromSeconds(20));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(records).Status);
        Assert.Single(connector.RequestsWhere(r => r.Route == ConnectorRoute.Send));
    }

    /// <summary>Renders kind <c>test.held</c> as text, each render waiting until the test lets it go.</summary>
    private sealed class HeldRenderer : IOutboxRenderer, IDisposable
    {
        public const string KindName = "test.held";

        private readonly SemaphoreSlim _held = new(0);
        private readonly SemaphoreSlim _released = new(0);
        private volatile bool _holding = true;

        public string Kind => KindName;

        public async Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken)
        {
            if (_holding)
            {
                _held.Release();
                await _released.WaitAsync(cancellationToken);
            }
            return new RenderedMessage(null, "note for " + context.Recipient.Name);
        }

        public async Task WaitUntilHeldAsync() => Assert.True(await _held.WaitAsync(TimeSpan.FromSeconds(20)), "no render started");

        public void ReleaseOne() => _released.Release();

        public void HoldNoMore()
        {
            _holding = false;
            _released.Release(100);
        }

        public void Dispose()
        {
            _held.Dispose();
            _released.Dispose();
        }
    }

    /// <summary>Lets the test hold every lease write of the work table until it resumes them.</summary>
    private sealed class RenewalGate : IDisposable
    {
        private readonly SemaphoreSlim _waiting = new(0);
        private TaskCompletionSource? _gate;

        public void Stall() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public void Resume() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

        public async Task WaitUntilStalledAsync() => Assert.True(await _waiting.WaitAsync(TimeSpan.FromSeconds(20)), "no lease renewal was made");

        public async Task PassAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _gate) is { } gate)
            {
                _waiting.Release();
                await gate.Task.WaitAsync(cancellationToken);
            }
        }

        public void Dispose() => _waiting.Dispose();
    }

    private sealed class StallingWork(RenewalGate gate, IStoreTable inner) : StoreTableDecorator(inner)
    {
        public override async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            await gate.PassAsync(cancellationToken);
            return await base.UpdateAsync(entity, cancellationToken);
        }
    }
}
