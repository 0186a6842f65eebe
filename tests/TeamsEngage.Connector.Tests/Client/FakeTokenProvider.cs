using System.Globalization;
using TeamsEngage.Connector.Client;

namespace TeamsEngage.Connector.Tests.Client;

/// <summary>Hands out "token-1", and a new numbered token on every forced refresh.</summary>
internal sealed class FakeTokenProvider(bool hasCredentials = true) : IBotTokenProvider
{
    private int _generation = 1;
    private int _calls;
    private int _forcedRefreshes;

    public bool HasCredentials => hasCredentials;

    public int Calls => Volatile.Read(ref _calls);

    public int ForcedRefreshes => Volatile.Read(ref _forcedRefreshes);

    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (!hasCredentials)
        {
            return Task.FromResult<string?>(null);
        }
        var generation = forceRefresh ? Interlocked.Increment(ref _generation) : Volatile.Read(ref _generation);
        if (forceRefresh)
        {
            Interlocked.Increment(ref _forcedRefreshes);
        }
        return Task.FromResult<string?>("token-" + generation.ToString(CultureInfo.InvariantCulture));
    }
}
