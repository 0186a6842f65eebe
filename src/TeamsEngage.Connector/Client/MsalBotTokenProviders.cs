using System.Net;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// Client-credentials tokens (MultiTenant, SingleTenant) from one MSAL confidential client, whose in-memory
/// app token cache makes a call per outbound request cheap; MSAL refreshes before expiry.
/// </summary>
internal sealed class ClientSecretBotTokenProvider : IBotTokenProvider
{
    private readonly string[] _scopes;
    private readonly IConfidentialClientApplication _app;

    /// <summary>Creates the provider for one app id, secret and tenant (<c>botframework.com</c> for MultiTenant), in the public cloud.</summary>
    public ClientSecretBotTokenProvider(string appId, string secret, string tenant, IMsalHttpClientFactory? httpClientFactory = null)
        : this(appId, secret, BotCredentials.AuthorityHost + Uri.EscapeDataString(tenant), BotCredentials.Scope, httpClientFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
    }

    /// <summary>Creates the provider for one app id and secret, asking <paramref name="authority"/> for <paramref name="scope"/>.</summary>
    public ClientSecretBotTokenProvider(string appId, string secret, string authority, string scope, IMsalHttpClientFactory? httpClientFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        ArgumentException.ThrowIfNullOrWhiteSpace(authority);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        _scopes = [scope];
        var builder = ConfidentialClientApplicationBuilder.Create(appId)
            .WithClientSecret(secret)
            .WithAuthority(authority);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }
        _app = builder.Build();
    }

    /// <inheritdoc />
    public bool HasCredentials => true;

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _app.AcquireTokenForClient(_scopes)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            throw MsalFailure.ToConnectorException(ex);
        }
    }
}

/// <summary>Tokens from a user-assigned managed identity whose client id is the bot's app id (UserAssignedMSI).</summary>
internal sealed class ManagedIdentityBotTokenProvider : IBotTokenProvider
{
    private readonly IManagedIdentityApplication _app;
    private readonly string _resource;

    /// <summary>Creates the provider for the managed identity with this client id, for the public cloud's connector.</summary>
    public ManagedIdentityBotTokenProvider(string clientId, IMsalHttpClientFactory? httpClientFactory = null)
        : this(clientId, BotCredentials.Resource, httpClientFactory)
    {
    }

    /// <summary>Creates the provider for the managed identity with this client id, for <paramref name="resource"/>.</summary>
    public ManagedIdentityBotTokenProvider(string clientId, string resource, IMsalHttpClientFactory? httpClientFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        _resource = resource;
        var builder = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(clientId));
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }
        _app = builder.Build();
    }

    /// <inheritdoc />
    public bool HasCredentials => true;

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _app.AcquireTokenForManagedIdentity(_resource)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            throw MsalFailure.ToConnectorException(ex);
        }
    }
}

internal static class MsalFailure
{
    // A retryable identity failure keeps StatusCode null so callers see it as transient; anything else is an
    // authentication problem (bad secret, unknown app) that no retry fixes.
    public static ConnectorException ToConnectorException(MsalException ex)
    {
        var transient = ex.IsRetryable
            || ex is MsalServiceException { StatusCode: 429 or >= 500 }
            || ex.ErrorCode is "temporarily_unavailable" or "service_not_available" or "request_timeout";
        return new ConnectorException(
            "The bot's token could not be acquired (" + ex.ErrorCode + ").",
            transient ? null : HttpStatusCode.Unauthorized,
            ConnectorErrorCodes.TokenAcquisitionFailed,
            null,
            ex);
    }
}
