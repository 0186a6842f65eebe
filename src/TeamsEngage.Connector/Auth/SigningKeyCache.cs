using Microsoft.Extensions.Logging;

namespace TeamsEngage.Connector.Auth;

/// <summary>
/// Holds the channel's metadata, keys and endorsements from a single download. All callers share one in-flight
/// fetch; an unknown key id may force a refresh, but at most once per <see cref="MinimumForcedRefreshInterval"/>.
/// </summary>
internal sealed class SigningKeyCache
{
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly Uri _metadataUrl;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refreshInterval;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    private SigningKeySet? _current;
    private DateTimeOffset _refreshDue;
    private DateTimeOffset? _lastForcedRefresh;
    private Task<SigningKeySet?>? _inFlight;

    public SigningKeyCache(Uri metadataUrl, IHttpClientFactory httpClients, TimeProvider clock, TimeSpan refreshInterval, ILogger logger)
    {
        _metadataUrl = metadataUrl;
        _httpClients = httpClients;
        _clock = clock;
        _refreshInterval = refreshInterval;
        _logger = logger;
    }

    /// <summary>The cached keys, fetched first if there are none or they are due for refresh. Null when none could be fetched.</summary>
    public Task<SigningKeySet?> GetAsync(CancellationToken cancellationToken)
    {
        Task<SigningKeySet?> fetch;
        lock (_gate)
        {
            if (_current is not null && _clock.GetUtcNow() < _refreshDue)
            {
                return Task.FromResult<SigningKeySet?>(_current);
            }
            fetch = _inFlight ??= FetchAndStoreAsync();
        }
        return fetch.WaitAsync(cancellationToken);
    }

    /// <summary>Refreshes now because a token named a key we do not know, unless that was already done recently.</summary>
    public Task<SigningKeySet?> ForceRefreshAsync(CancellationToken cancellationToken)
    {
        Task<SigningKeySet?> fetch;
        lock (_gate)
        {
            if (_inFlight is null)
            {
                var now = _clock.GetUtcNow();
                if (_lastForcedRefresh is { } last && now - last < MinimumForcedRefreshInterval)
                {
                    AuthLog.ForcedRefreshSkipped(_logger, MinimumForcedRefreshInterval);
                    return Task.FromResult(_current);
                }
                _lastForcedRefresh = now;
                _inFlight = FetchAndStoreAsync();
            }
            fetch = _inFlight;
        }
        return fetch.WaitAsync(cancellationToken);
    }

    private async Task<SigningKeySet?> FetchAndStoreAsync()
    {
        // Leave the caller's lock before doing any I/O.
        await Task.Yield();
        try
        {
            var fetched = await FetchAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _current = fetched;
                _refreshDue = _clock.GetUtcNow() + _refreshInterval;
                _inFlight = null;
            }
            return fetched;
        }
#pragma warning disable CA1031 // Any fetch failure must end as a refused request, never as a 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AuthLog.KeyFetchFailed(_logger, _metadataUrl, ex);
            lock (_gate)
            {
                // Keep serving the previous keys, and retry after a pause rather than on every request.
                _refreshDue = _clock.GetUtcNow() + MinimumForcedRefreshInterval;
                _inFlight = null;
                return _current;
            }
        }
    }

    private async Task<SigningKeySet> FetchAsync()
    {
        var http = _httpClients.CreateClient(BotFrameworkAuthenticator.HttpClientName);
        var metadataJson = await http.GetStringAsync(_metadataUrl).ConfigureAwait(false);
        var jwksUri = SigningKeyDocuments.ReadJwksUri(metadataJson);
        var jwksJson = await http.GetStringAsync(jwksUri).ConfigureAwait(false);
        var keys = SigningKeyDocuments.ReadKeySet(jwksJson);
        AuthLog.KeysFetched(_logger, keys.Keys.Count, _metadataUrl);
        return keys;
    }
}
