using System.Globalization;
using System.Threading.Channels;
using TeamsEngage.Storage;

namespace TeamsEngage.Reporting;

/// <summary>
/// Figures handed over but not yet written, each with the tenant it belongs to. Whoever drains them (the background
/// writer, or a reader of figures wanting every figure accepted so far) does so one at a time, and adds up the figures of
/// one row before writing it, so a burst of 10,000 votes becomes a few writes a second instead of 40,000.
/// </summary>
public sealed class PendingFigures : IDisposable
{
    private readonly Channel<(string Tenant, Figure Figure)> _waiting = Channel.CreateUnbounded<(string, Figure)>();
    private readonly SemaphoreSlim _draining = new(1, 1);
    private volatile bool _disposed;

    /// <summary>Takes the figure for the tenant in scope (the figures' table is a tenant's, like every table it writes).</summary>
    public void Add(Figure figure) => _waiting.Writer.TryWrite((TenantScope.Require("report figures"), figure));

    /// <summary>Waits until a figure is waiting.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _waiting.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Writes every figure waiting now, added up by row, each inside its tenant.</summary>
    public async Task DrainAsync(Func<Figure, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await _draining.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The container has let go of the queue (a host disposed before its stop ran): there is nothing left to write with.
            return;
        }
        try
        {
            var batch = new List<(string Tenant, Figure Figure)>();
            while (_waiting.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            foreach (var group in batch.GroupBy(item => (item.Tenant, Key: RowOf(item.Figure))))
            {
                var figures = group.Select(item => item.Figure).ToList();
                var sum = figures.Count == 1 || figures[0].Duration is not null ? null : figures[0] with { Amount = figures.Sum(f => f.Amount) };
                using var scope = TenantScope.Enter(group.Key.Tenant);
                foreach (var figure in sum is null ? figures : [sum])
                {
                    await record(figure, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (!_disposed)
            {
                _draining.Release();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _draining.Dispose();
    }

    // Figures with a duration go into a histogram bucket of their own, so only those without one are added up.
    private static string RowOf(Figure figure) => string.Join('\u001f',
        [figure.Area, figure.Counter, figure.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), figure.InDistrict ? "d" : "-",
            figure.Duration is null ? "" : Guid.NewGuid().ToString("N"), .. figure.Dimensions.Select(d => d.Kind + "=" + d.Value)]);
}
