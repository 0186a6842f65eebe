using System.Runtime.CompilerServices;
using TeamsEngage.Outbox;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Outbox;

/// <summary>The outbox as a feature of the home tenant uses it: every call inside that tenant, as in a turn.</summary>
internal sealed class HomeTenantOutbox(IOutbox inner) : IOutbox
{
    public async Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        return await inner.EnqueueAsync(message, cancellationToken);
    }

    public async Task<string> EnqueueUpdateAsync(OutboxUpdate update, CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        return await inner.EnqueueUpdateAsync(update, cancellationToken);
    }

    public async Task<BroadcastReceipt> StartBroadcastAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        return await inner.StartBroadcastAsync(request, recipients, cancellationToken);
    }

    public async Task QueueBroadcastAsync(BroadcastRequest request, BroadcastAudienceSpec audience, CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        await inner.QueueBroadcastAsync(request, audience, cancellationToken);
    }

    public async Task<BroadcastProgress?> ReadProgressAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        return await inner.ReadProgressAsync(broadcastId, cancellationToken);
    }

    public async Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        return await inner.UpdateDeliveredAsync(broadcastId, kind, payload, cancellationToken);
    }

    public async Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        return await inner.CancelPendingAsync(broadcastId, cancellationToken);
    }

    public async IAsyncEnumerable<DeliveryRecord> ReadDeliveriesAsync(string broadcastId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var scope = Fixtures.InHomeTenant();
        await foreach (var record in inner.ReadDeliveriesAsync(broadcastId, cancellationToken))
        {
            yield return record;
        }
    }
}
