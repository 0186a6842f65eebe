using TeamsEngage.Storage;

namespace TeamsEngage.Asking;

/// <summary>
/// The closing sweep of what is asked (polls, surveys): every <c>interval</c>, and once at start, it visits every
/// tenant inside its own scope; a failed sweep is logged and the next one tries again. What a tenant's sweep does is the
/// feature's (<see cref="SweepTenantAsync"/>).
/// </summary>
public abstract partial class ClosingSweep(TenantRegistry tenants, TimeProvider clock, TimeSpan interval, string what, ILogger logger) : BackgroundService
{
    /// <summary>The clock the sweep runs on.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>One sweep over every tenant; returns how many were closed (or finished sealing).</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        await tenants.ForEachAsync(async (_, ct) => closed += await SweepTenantAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return closed;
    }

    /// <summary>The sweep of the tenant in scope.</summary>
    protected abstract Task<int> SweepTenantAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, what, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing due {What} failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, string what, Exception exception);
}
