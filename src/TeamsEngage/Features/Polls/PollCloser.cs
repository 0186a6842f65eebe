using Microsoft.Extensions.Options;
using TeamsEngage.Asking;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Closes polls whose closing time has passed, every <see cref="PollsOptions.SweepInterval"/>, and queues the broadcast of
/// any open poll whose sending was cut short before it was queued.
/// </summary>
public sealed class PollCloser(PollStore polls, PollService service, TenantRegistry tenants, TimeProvider clock, IOptions<PollsOptions> options, ILogger<PollCloser> logger)
    : ClosingSweep(tenants, clock, options.Value.SweepInterval, "polls", logger)
{
    protected override async Task<int> SweepTenantAsync(CancellationToken cancellationToken)
    {
        foreach (var pollId in await polls.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await service.QueueIfLostAsync(pollId, cancellationToken).ConfigureAwait(false);
        }
        var closed = 0;
        foreach (var pollId in await polls.ListDueAsync(Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
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
}
