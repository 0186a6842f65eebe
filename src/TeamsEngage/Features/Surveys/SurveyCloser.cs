using Microsoft.Extensions.Options;
using TeamsEngage.Asking;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Closes surveys whose closing time has passed, every <see cref="SurveysOptions.SweepInterval"/>, and finishes the sealing
/// of surveys closed by hand whose sealing was cut short (they stay on the open list until sealed).
/// </summary>
public sealed class SurveyCloser(SurveyStore surveys, SurveyService service, TenantRegistry tenants, TimeProvider clock, IOptions<SurveysOptions> options, ILogger<SurveyCloser> logger)
    : ClosingSweep(tenants, clock, options.Value.SweepInterval, "surveys", logger)
{
    protected override async Task<int> SweepTenantAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        foreach (var (surveyId, _) in await surveys.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // A survey whose sending was cut short between opening and queuing is queued now.
            await service.QueueIfLostAsync(surveyId, cancellationToken).ConfigureAwait(false);
        }
        foreach (var surveyId in await surveys.ListDueAsync(Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
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
}
