using Microsoft.Extensions.Time.Testing;

namespace TeamsEngage.Tests.Support;

/// <summary>
/// Moves a fake clock on by a second every 25 ms until disposed, so work paced on that clock (the outbox's sending,
/// its leases) does not stall while a test holds the date still otherwise.
/// </summary>
internal sealed class ClockTicker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClockTicker(FakeTimeProvider clock) => _loop = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(25);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
