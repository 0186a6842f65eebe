using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Closes polls whose closing time has passed, every <see cref="PollsOptions.SweepInterval"/>, and queues the broadcast of
/// any open poll whose sending was cut short before it was queued.
/// </summary>
public sealed partial class PollCloser(PollStore polls, PollService service, TenantRegistry tenants, TimeProvider clock, IOptions<PollsOptions> options, ILogger<PollCloser> logger) : BackgroundService
{
    /// <summary>One sweep: closes every due poll of every tenant, each inside its tenant. Returns how many were closed.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        await tenants.ForEachAsync(async (_, ct) => closed += await SweepTenantAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return closed;
    }

    private async Task<int> SweepTenantAsync(CancellationToken cancellationToken)
    {
        foreach (var pollId in await polls.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await service.QueueIfLostAsync(pollId, cancellationToken).ConfigureAwait(false);
        }
        var closed = 0;
        foreach (var pollId in await polls.ListDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            var closing = await service.CloseAsync(pollId, cancellationToken).ConfigureAwait(false);
            if (closing.Outcome == UpdateOutcome.NotFound || closing.State is { Status: PollStatus.Closed })
            {
                // Also finishes sealing polls closed by hand whose sealing was cut short, and drops index rows of deleted polls.
                await service.SealAsync(pollId, cancellationToken).ConfigureAwait(false);
                closed++;
            }
        }
        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing due polls failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
