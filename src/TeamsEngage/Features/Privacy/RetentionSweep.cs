using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// Enforces the retention periods once a day: every feature purges what is past its period, people who left long
/// enough ago are erased, expired export links go, and the deleted rows are made unrecoverable. Several instances may
/// run it; the first to insert the day's row runs it, the others skip the day.
/// </summary>
public sealed partial class RetentionSweep(
    IEnumerable<IRetainedData> retained,
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

    /// <summary>Runs the sweep of the day of <paramref name="now"/> unless an instance already claimed it: the rows removed, or null when skipped.</summary>
    public async Task<int?> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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
        await store.ForgetDeletedAsync(cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(Actor, "retention.swept", day, removed.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        LogSwept(logger, day, removed);
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
                // The day is claimed; what was not purged today is past its period tomorrow too and goes then.
                LogSweepFailed(logger, e);
            }
        }
    }

    /// <summary>The insert is the lock: of several instances, one writes the day's row and runs the sweep.</summary>
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
