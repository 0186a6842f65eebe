using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// Enforces the retention periods once a day in every tenant of the registry, each inside its own scope: every feature
/// purges what is past its period, people who left long enough ago are erased, expired export links go, and the deleted
/// rows are made unrecoverable. Several instances may run it; the lock is per tenant and day, a row in the tenant's own
/// <see cref="RunsTable"/>: the first instance to insert it sweeps that tenant, the others skip it, so a slow tenant
/// never holds up another and no tenant is swept twice in a day.
/// </summary>
public sealed partial class RetentionSweep(
    IEnumerable<IRetainedData> retained,
    TenantRegistry tenants,
    PersonalDataService personal,
    DataSubjects subjects,
    PrivacyLinks links,
    ITableStore store,
    DirectoryAudit audit,
    IOptions<RetentionOptions> retention,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    public const string RunsTable = "PrivacyRuns";
    public const string Actor = "retention-sweep";

    private readonly IStoreTable _runs = store.Table(RunsTable);

    /// <summary>
    /// Runs the sweep of the day of <paramref name="now"/> in every tenant no instance claimed yet: the rows removed, or
    /// null when every tenant was skipped. A tenant that fails does not keep the others from their sweep.
    /// </summary>
    public async Task<int?> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        int? removed = null;
        try
        {
            await tenants.ForEachAsync(async (_, ct) =>
            {
                if (await SweepTenantAsync(day, now, ct).ConfigureAwait(false) is { } count)
                {
                    removed = (removed ?? 0) + count;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (removed is not null)
            {
                await store.ForgetDeletedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        LogSwept(logger, day, removed ?? 0);
        return removed;
    }

    /// <summary>The day's sweep of the tenant in scope, unless an instance already claimed it.</summary>
    private async Task<int?> SweepTenantAsync(string day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(day, now, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var periods = retention.Value;
        var removed = 0;
        foreach (var source in retained)
        {
            removed += await source.PurgeAsync(now, periods, cancellationToken).ConfigureAwait(false);
        }
        foreach (var personKey in await subjects.ListLeftBeforeAsync(now - periods.PeopleWhoLeft, cancellationToken).ConfigureAwait(false))
        {
            removed += (await personal.EraseAsync(personKey, Actor, cancellationToken).ConfigureAwait(false))?.Records ?? 0;
        }
        removed += await links.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(Actor, "retention.swept", day, removed.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RunAsync(clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The failed tenants' day is claimed; what was not purged today is past its period tomorrow too and goes then.
                LogSweepFailed(logger, e);
            }
        }
    }

    /// <summary>The insert is the lock: of several instances, one writes the tenant's row of the day and sweeps the tenant.</summary>
    private async Task<bool> ClaimAsync(string day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await _runs.InsertAsync(new StoreEntity("sweep", day, new Dictionary<string, object?> { ["StartedAt"] = now }), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep of {Day} removed {Removed} rows")]
    private static partial void LogSwept(ILogger logger, string day, int removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention sweep failed; it runs again tomorrow")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
