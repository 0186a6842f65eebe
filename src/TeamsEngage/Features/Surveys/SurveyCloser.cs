using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Closes surveys whose closing time has passed, every <see cref="SurveysOptions.SweepInterval"/>, and finishes the sealing
/// of surveys closed by hand whose sealing was cut short (they stay on the open list until sealed).
/// </summary>
public sealed partial class SurveyCloser(SurveyStore surveys, SurveyService service, TenantRegistry tenants, TimeProvider clock, IOptions<SurveysOptions> options, ILogger<SurveyCloser> logger) : BackgroundService
{
    /// <summary>One sweep over every tenant; returns how many surveys were closed or finished sealing.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        await tenants.ForEachAsync(async (_, ct) => closed += await SweepTenantAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return closed;
    }

    private async Task<int> SweepTenantAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        foreach (var (surveyId, _) in await surveys.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // A survey whose sending was cut short between opening and queuing is queued now.
            await service.QueueIfLostAsync(surveyId, cancellationToken).ConfigureAwait(false);
        }
        foreach (var surveyId in await surveys.ListDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            var closing = await service.CloseAsync(surveyId, cancellationToken).ConfigureAwait(false);
            if (closing.State is { Status: SurveyStatus.Closed } survey)
            {
                await surveys.SealAsync(survey, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing due surveys failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
