using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// The rows of broadcasts being written (partition <c>writing</c> of the work table): queuing one, and the lease that
/// lets one instance at a time write it. Every change goes through the row's ETag, so a writer that lost its lease
/// learns it at its next save and stops.
/// </summary>
internal sealed class BroadcastJobs(OutboxTables tables, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time)
{
    /// <summary>
    /// Records the broadcast (job row, then header), unless its header exists already: then it was queued or started
    /// before, and writing it again could only re-resolve an audience that has moved on since.
    /// </summary>
    public async Task QueueAsync(BroadcastRequest request, BroadcastAudienceSpec audience, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("the outbox");
        if (await tables.ReadHeaderAsync(request.BroadcastId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            if (TenantScope.Normalize(existing.TenantId) != tenant)
            {
                throw new InvalidOperationException($"Broadcast {request.BroadcastId} belongs to another tenant.");
            }
            return;
        }
        try
        {
            await tables.Work.InsertAsync(BroadcastJob.Queued(request, audience, tenant).ToEntity(), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            return;
        }
        // The header makes the broadcast visible at once (status, cancel); the writer creates it too if we stop here.
        try
        {
            await tables.Broadcasts.InsertAsync(HeaderOf(request, tenant).ToEntity(), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
        }
        signal.Notify();
    }

    /// <summary>The header a queued broadcast starts with: not written yet, in the tenant it was queued in.</summary>
    public BroadcastHeader HeaderOf(BroadcastRequest request, string tenantId) => new(
        request.BroadcastId, request.Kind, request.Payload, request.Priority, options.Value.ShardsPerBroadcast, false, false, time.GetUtcNow(), false, null, tenantId);

    public async Task<BroadcastJob?> ReadAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var entity = await tables.Work.GetAsync(OutboxKeys.WritingPartition, StoreKey.Escape(broadcastId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : BroadcastJob.From(entity);
    }

    /// <summary>The job of a broadcast of the tenant in scope, or null (the work table is shared, so the tenant is checked here).</summary>
    public async Task<BroadcastJob?> ReadOwnAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("the outbox");
        var job = await ReadAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        return job is not null && TenantScope.Normalize(job.TenantId) == tenant ? job : null;
    }

    /// <summary>Every broadcast still being written whose lease is free, expired or ours.</summary>
    public async Task<List<BroadcastJob>> ListClaimableAsync(string instanceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var jobs = new List<BroadcastJob>();
        await foreach (var entity in tables.Work.QueryAllAsync(OutboxKeys.WritingPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var job = BroadcastJob.From(entity);
            if (job.LeaseOwner.Length == 0 || job.LeaseOwner == instanceId || job.LeaseUntil <= now)
            {
                jobs.Add(job);
            }
        }
        return jobs;
    }

    /// <summary>Takes the lease; null when another instance took it (or finished the job) first.</summary>
    public Task<BroadcastJob?> TryLeaseAsync(BroadcastJob job, string instanceId, CancellationToken cancellationToken) =>
        SaveAsync(job with { LeaseOwner = instanceId }, cancellationToken);

    /// <summary>Saves the job and extends its lease; null when the row changed or went (the lease is lost).</summary>
    public async Task<BroadcastJob?> SaveAsync(BroadcastJob job, CancellationToken cancellationToken)
    {
        var renewed = job with { LeaseUntil = time.GetUtcNow() + options.Value.LeaseDuration };
        try
        {
            var saved = await tables.Work.UpdateAsync(renewed.ToEntity(), cancellationToken).ConfigureAwait(false);
            return renewed with { ETag = saved.ETag };
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            // Another instance holds it now, or finished it.
            return null;
        }
    }

    /// <summary>Deletes the row of a written broadcast (only while we hold it).</summary>
    public async Task DeleteAsync(BroadcastJob job, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Work.DeleteAsync(OutboxKeys.WritingPartition, StoreKey.Escape(job.Request.BroadcastId), job.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StorePreconditionFailedException or StoreNotFoundException)
        {
            // Another instance took over and finishes it again: harmless, as every row is already there.
        }
    }

    /// <summary>On a clean stop, frees the lease so another instance continues at once instead of after expiry.</summary>
    public async Task ReleaseAsync(BroadcastJob job)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await tables.Work.UpdateAsync((job with { LeaseOwner = string.Empty, LeaseUntil = DateTimeOffset.UnixEpoch }).ToEntity(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreException or OperationCanceledException)
        {
            // Not released: it expires on its own.
        }
    }
}
