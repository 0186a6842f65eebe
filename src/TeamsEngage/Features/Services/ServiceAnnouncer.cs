using TeamsEngage.Catalogue;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Services;

/// <summary>What a status change did: the service as it is now (null when it could not be written), and whether it was announced.</summary>
public sealed record StatusChange(CatalogueService? Service, bool Changed, bool Announced);

/// <summary>
/// Changes a service's status and announces it. Each change has its own version; the announcement is a queued outbox
/// broadcast whose id is the service and version, so queuing it again (a retry, a second instance) adds nobody twice,
/// and the outbox's writer resumes it after a restart. Announced cards of earlier versions are updated in place to say
/// what the status is now.
/// </summary>
public sealed partial class ServiceAnnouncer(ServiceCatalogue catalogue, IOutbox outbox, TimeProvider clock, ILogger<ServiceAnnouncer> logger)
{
    /// <summary>How many earlier announcements are updated in place when the status changes again.</summary>
    public const int EarlierCardsUpdated = 10;

    public async Task<StatusChange> ChangeAsync(string serviceId, ServiceCondition condition, string? message, string notify, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        ServiceStatus? before = null;
        var result = await catalogue.ChangeAsync(serviceId, current =>
        {
            before = current.Status;
            return current.Status.Condition == condition && current.Status.Message == message
                ? Decision.Keep<CatalogueService>()
                : Decision.Write(current with { Status = new ServiceStatus(condition, message, now, current.Status.Version + 1) });
        }, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == UpdateOutcome.Unchanged)
        {
            return new StatusChange(result.State?.Service, false, false);
        }
        if (result is not { Written: true, State.Service: { } service })
        {
            return new StatusChange(null, false, false);
        }
        await catalogue.RecordStatusAsync(service.Id, service.Status, actor, cancellationToken).ConfigureAwait(false);
        var announce = service.Status.IsKnownDisruption || (condition == ServiceCondition.Operational && before?.Condition != ServiceCondition.Operational);
        if (announce)
        {
            await outbox.QueueBroadcastAsync(
                BroadcastRequest.Create(BroadcastId(service.Id, service.Status.Version), ServiceOutboxKinds.Status, new StatusPayload(service.Id, service.Status.Version), OutboxPriority.Normal),
                BroadcastAudienceSpec.Create(ServiceOutboxKinds.Audience, new ServiceAudienceSpec(service.Id, notify, service.OwnerDepartment)),
                cancellationToken).ConfigureAwait(false);
            LogAnnounced(logger, service.Id, service.Status.Version, condition);
        }
        await UpdateEarlierAsync(service, cancellationToken).ConfigureAwait(false);
        return new StatusChange(service, true, announce);
    }

    private async Task UpdateEarlierAsync(CatalogueService service, CancellationToken cancellationToken)
    {
        var version = service.Status.Version;
        for (var earlier = Math.Max(1, version - EarlierCardsUpdated); earlier < version; earlier++)
        {
            // Versions that were not announced have no broadcast: the outbox updates nothing for them.
            await outbox.UpdateDeliveredAsync(BroadcastId(service.Id, earlier), ServiceOutboxKinds.Status, OutboxPayload.Serialize(new StatusPayload(service.Id, earlier)), cancellationToken).ConfigureAwait(false);
        }
    }

    public static string BroadcastId(string serviceId, int version) => $"service:{serviceId}:{version}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced status {Version} ({Condition}) of service {ServiceId}")]
    private static partial void LogAnnounced(ILogger logger, string serviceId, int version, ServiceCondition condition);
}
