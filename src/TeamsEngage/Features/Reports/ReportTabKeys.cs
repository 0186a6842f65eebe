using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The tab's signing keys, from one download of the OpenID metadata and its key set, kept for the refresh interval.
/// Callers share one download in flight. A token naming a key not in hand fetches again at once, but not more than once
/// in <see cref="ForcedRefreshPause"/>, so forged key ids cannot make the app hammer the issuer. A failed download keeps
/// the keys in hand and is tried again after the same pause.
/// </summary>
internal sealed partial class ReportTabKeys(string metadataUrl, IDocumentRetriever retriever, TimeSpan refreshInterval, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan ForcedRefreshPause = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private IReadOnlyList<SecurityKey>? _keys;
    private DateTimeOffset _due;
    private DateTimeOffset? _lastForced;
    private Task<IReadOnlyList<SecurityKey>?>? _inFlight;

    public Task<IReadOnlyList<SecurityKey>?> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_keys is not null && clock.GetUtcNow() < _due)
            {
                return Task.FromResult<IReadOnlyList<SecurityKey>?>(_keys);
            }
            return (_inFlight ??= FetchAsync()).WaitAsync(cancellationToken);
        }
    }

    /// <summary>The keys, downloaded afresh when <paramref name="keyId"/> is not among those in hand (at most once a pause).</summary>
    public async Task<IReadOnlyList<SecurityKey>?> GetWithAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (keys is not null && keys.Any(k => k.KeyId == keyId))
        {
            return keys;
        }
        Task<IReadOnlyList<SecurityKey>?> fetch;
        lock (_gate)
        {
            if (_inFlight is null)
            {
                var now = clock.GetUtcNow();
                if (_lastForced is { } last && now - last < ForcedRefreshPause)
                {
                    return _keys;
                }
                _lastForced = now;
                _inFlight = FetchAsync();
            }
            fetch = _inFlight;
        }
        return await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SecurityKey>?> FetchAsync()
    {
        await Task.Yield();
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, CancellationToken.None).ConfigureAwait(false);
            var keys = configuration.SigningKeys.ToList();
            lock (_gate)
            {
                _keys = keys;
                _due = clock.GetUtcNow() + refreshInterval;
                _inFlight = null;
            }
            LogFetched(logger, keys.Count);
            return keys;
        }
#pragma warning disable CA1031 // A failed download must end as a refused sign-in, never as a 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFetchFailed(logger, ex);
            lock (_gate)
            {
                _due = clock.GetUtcNow() + ForcedRefreshPause;
                _inFlight = null;
                return _keys;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The dashboard tab's signing keys were fetched: {Count} keys")]
    private static partial void LogFetched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard tab's signing keys could not be fetched; sign-ins use the keys in hand")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception);
}
