using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Writes one queued broadcast while holding its lease: counts the audience, then asks its resolver for the next page
/// after the cursor, writes the page's rows (a person's row exists at most once: inserts that exist are skipped) and only
/// then records the new cursor, so a crash or a lost lease resumes at the first page not known to be written.
/// </summary>
internal sealed class BroadcastJobRunner(
    BroadcastJobs jobs,
    BroadcastWriter writer,
    OutboxTables tables,
    IEnumerable<IBroadcastAudience> audiences,
    IOptions<OutboxOptions> options,
    ILogger<BroadcastJobRunner> logger)
{
    private readonly Dictionary<string, IBroadcastAudience> _audiences = audiences.ToDictionary(a => a.Kind, StringComparer.Ordinal);

    /// <summary>Writes the broadcast to its end; returns false when the lease was lost or no resolver knows its kind.</summary>
    public async Task<bool> RunAsync(BroadcastJob job, CancellationToken cancellationToken)
    {
        var id = job.Request.BroadcastId;
        if (!_audiences.TryGetValue(job.Audience.Kind, out var audience))
        {
            OutboxLog.NoAudience(logger, id, job.Audience.Kind);
            return false;
        }
        // Fail closed: without the tenant it was queued in, nobody's directory may be read for it.
        if (TenantScope.Normalize(job.TenantId) is not { } tenant)
        {
            OutboxLog.JobWithoutTenant(logger, id);
            return false;
        }
        using var scope = TenantScope.Enter(tenant);
        var header = await writer.CreateHeaderAsync(jobs.HeaderOf(job.Request, tenant), cancellationToken).ConfigureAwait(false);
        if (TenantScope.Normalize(header.TenantId) != tenant)
        {
            OutboxLog.JobWithoutTenant(logger, id);
            return false;
        }
        BroadcastJob? current = job;
        if (current.Total is null)
        {
            var total = await audience.CountAsync(current.Audience.Spec, cancellationToken).ConfigureAwait(false);
            current = await jobs.SaveAsync(current with { Total = total }, cancellationToken).ConfigureAwait(false);
        }
        var shards = writer.NewShardWriter(header);
        while (current is { Finished: false })
        {
            current = await WritePageAsync(current, audience, shards, cancellationToken).ConfigureAwait(false);
        }
        if (current is null)
        {
            OutboxLog.WritingLeaseLost(logger, id);
            return false;
        }
        // The feature records its totals first: whoever sees the broadcast written also sees them.
        await audience.WrittenAsync(current.Audience.Spec, current.Progress, cancellationToken).ConfigureAwait(false);
        await writer.MarkWritesDoneAsync(id, cancellationToken).ConfigureAwait(false);
        await jobs.DeleteAsync(current, cancellationToken).ConfigureAwait(false);
        OutboxLog.Written(logger, id, current.Written, current.Examined);
        return true;
    }

    /// <summary>Writes the next page and records the cursor after it; null when the lease was lost.</summary>
    private async Task<BroadcastJob?> WritePageAsync(BroadcastJob job, IBroadcastAudience audience, ShardWriter shards, CancellationToken cancellationToken)
    {
        // A cancelled broadcast needs no more rows: the dispatcher would only record them as cancelled.
        if (await tables.ReadHeaderAsync(job.Request.BroadcastId, cancellationToken).ConfigureAwait(false) is { Cancelled: true })
        {
            return await jobs.SaveAsync(job with { Finished = true }, cancellationToken).ConfigureAwait(false);
        }
        var page = await audience.NextAsync(job.Audience.Spec, job.Cursor, options.Value.WriteBatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var recipient in page.Recipients)
        {
            await shards.AddAsync(StoreKey.Escape(recipient.PersonKey), recipient.PersonKey, BroadcastWriter.RecipientRow(recipient), cancellationToken).ConfigureAwait(false);
        }
        await shards.FinishAsync(cancellationToken).ConfigureAwait(false);
        var written = job.Written + page.Recipients.Select(r => r.PersonKey).Distinct(StringComparer.Ordinal).Count();
        return await jobs.SaveAsync(job with
        {
            Cursor = page.Next ?? job.Cursor,
            Examined = job.Examined + page.Examined,
            Written = written,
            Finished = page.Next is null,
        }, cancellationToken).ConfigureAwait(false);
    }
}
