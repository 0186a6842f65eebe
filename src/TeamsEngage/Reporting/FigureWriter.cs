namespace TeamsEngage.Reporting;

/// <summary>Writes the figures handed over with <see cref="IReportFigures.RecordSoon"/>, and what is left of them when the host stops.</summary>
internal sealed class FigureWriter(FigureStore figures, PendingFigures pending) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await pending.WaitAsync(stoppingToken).ConfigureAwait(false))
            {
                // Not the stopping token: figures taken from the queue are written, not dropped half-way.
                await figures.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await figures.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
