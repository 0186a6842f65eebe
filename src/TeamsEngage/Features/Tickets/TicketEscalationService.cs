using Microsoft.Extensions.Options;

namespace TeamsEngage.Features.Tickets;

/// <summary>Runs <see cref="TicketEscalation.SweepAsync"/> every <see cref="TicketsOptions.EscalationInterval"/>.</summary>
public sealed partial class TicketEscalationService(TicketEscalation escalation, IOptions<TicketsOptions> options, TimeProvider clock, ILogger<TicketEscalationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EscalationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await escalation.SweepAsync(clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; the failure is visible in the log, and nothing was half-written (ETags).
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The ticket promise sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
