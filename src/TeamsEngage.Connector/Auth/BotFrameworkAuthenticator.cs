using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Auth;

/// <summary>
/// Validates the channel's bearer token on inbound requests: signature against the keys published at
/// the cloud's OpenID metadata (<see cref="BotOptions.ResolveCloud"/>), the cloud's issuer, audience, lifetime, the signing key's
/// endorsement for the activity's channel, and the <c>serviceurl</c> claim against the activity.
/// </summary>
internal sealed class BotFrameworkAuthenticator : IInboundAuthenticator
{
    /// <summary>The named <see cref="HttpClient"/> used to download the OpenID metadata and signing keys.</summary>
    public const string HttpClientName = "TeamsEngage.Connector.ChannelSigningKeys";

    /// <summary>The only issuer the public-cloud channel uses for tokens it sends to bots.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";


    /// <summary>The authentication type of the identity returned for a token-less request in anonymous mode.</summary>
    public const string AnonymousAuthenticationType = "anonymous";

    /// <summary>The authentication type of the identity returned for a valid channel token.</summary>
    public const string ChannelAuthenticationType = "BotFramework";

    internal const string ServiceUrlClaim = "serviceurl";
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningKeyCache _keys;
    private readonly string _appId;
    private readonly string _issuer;
    private readonly bool _isAnonymous;
    private readonly LifetimeValidator _lifetime;
    private readonly ILogger _logger;
    private readonly ConnectorMetrics? _metrics;

    /// <summary>Creates the authenticator. Throws <see cref="InvalidOperationException"/> for a metadata URL that is not allowed.</summary>
    public BotFrameworkAuthenticator(
        IHttpClientFactory httpClients,
        IOptions<BotOptions> botOptions,
        IOptions<InboundAuthenticationOptions> authenticationOptions,
        TimeProvider clock,
        ILogger<BotFrameworkAuthenticator> logger,
        ConnectorMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(botOptions);
        ArgumentNullException.ThrowIfNull(authenticationOptions);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);

        var bot = botOptions.Value;
        var auth = authenticationOptions.Value;
        var cloud = bot.ResolveCloud();
        var metadataUrl = MetadataUrlRule.Parse(cloud.OpenIdMetadataUrl, nameof(BotOptions.ToBotFromChannelOpenIdMetadataUrl));
        if (!auth.HasValidRefreshInterval)
        {
            throw new InvalidOperationException(
                $"{nameof(InboundAuthenticationOptions.KeyRefreshInterval)} must be more than zero and at most {InboundAuthenticationOptions.MaximumKeyRefreshInterval}.");
        }

        _appId = bot.MicrosoftAppId ?? string.Empty;
        _issuer = cloud.TokenIssuer;
        _metrics = metrics;
        _isAnonymous = bot.IsAnonymous;
        _lifetime = TokenLifetime.Validator(clock, ClockSkew);
        _logger = logger;
        _keys = new SigningKeyCache(metadataUrl, httpClients, clock, auth.KeyRefreshInterval, logger);
    }

    /// <summary>Whether the channel's signing keys are at hand (cached, or fetched now): what readiness asks of authentication.</summary>
    public async Task<bool> HasSigningKeysAsync(CancellationToken cancellationToken) =>
        _isAnonymous || await _keys.GetAsync(cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc />
    public async Task<ClaimsIdentity?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            if (_isAnonymous)
            {
                AuthLog.AnonymousAccepted(_logger);
                return new ClaimsIdentity(AnonymousAuthenticationType);
            }
            return Refuse(AuthFailureReason.MissingHeader);
        }
        if (!AuthorizationHeader.TryReadBearerToken(authorizationHeader, out var token))
        {
            return Refuse(AuthFailureReason.MalformedHeader);
        }
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return Refuse(AuthFailureReason.MissingChannelId);
        }
        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return Refuse(AuthFailureReason.MissingServiceUrl);
        }
        return await ValidateTokenAsync(token, activity.ChannelId, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClaimsIdentity?> ValidateTokenAsync(string token, string channelId, string activityServiceUrl, CancellationToken cancellationToken)
    {
        if (ReadTokenHeader(token, out var keyId) is { } headerProblem)
        {
            return Refuse(headerProblem);
        }

        var keys = await _keys.GetAsync(cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return Refuse(AuthFailureReason.SigningKeysUnavailable);
        }
        if (keyId is not null && !keys.ContainsKey(keyId))
        {
            AuthLog.UnknownKeyRefresh(_logger, keyId);
            keys = await _keys.ForceRefreshAsync(cancellationToken).ConfigureAwait(false) ?? keys;
        }

        var result = await _handler.ValidateTokenAsync(token, ValidationParameters(keys)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Refuse(TokenFailures.Classify(result.Exception), result.Exception?.GetType().Name);
        }
        if (!keys.IsEndorsedFor(result.SecurityToken.SigningKey?.KeyId, channelId))
        {
            return Refuse(AuthFailureReason.KeyNotEndorsedForChannel);
        }
        var serviceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return Refuse(AuthFailureReason.MissingServiceUrlClaim);
        }
        if (!string.Equals(serviceUrl, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(AuthFailureReason.ServiceUrlMismatch);
        }
        return result.ClaimsIdentity;
    }

    private TokenValidationParameters ValidationParameters(SigningKeySet keys) => new()
    {
        ValidIssuer = _issuer,
        ValidAudience = _appId,
        IgnoreTrailingSlashWhenValidatingAudience = false,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = keys.Keys,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = _lifetime,
        AuthenticationType = ChannelAuthenticationType,
    };

    // Looks at the unverified header only to refuse what can never pass (before any key download) and to
    // spot a key id we have not seen yet. The library repeats the algorithm check during validation.
    private static AuthFailureReason? ReadTokenHeader(string token, out string? keyId)
    {
        keyId = null;
        // Only compact JWS (three parts) is accepted; the channel never sends encrypted tokens.
        if (token.Count(c => c == '.') != 2)
        {
            return AuthFailureReason.MalformedToken;
        }
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return AuthFailureReason.MalformedToken;
        }
        if (string.IsNullOrEmpty(jwt.Alg) || string.Equals(jwt.Alg, SecurityAlgorithms.None, StringComparison.OrdinalIgnoreCase))
        {
            return AuthFailureReason.Unsigned;
        }
        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return AuthFailureReason.InvalidAlgorithm;
        }
        keyId = string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid;
        return null;
    }

    private ClaimsIdentity? Refuse(AuthFailureReason reason, string? detail = null)
    {
        AuthLog.Refused(_logger, reason, detail);
        _metrics?.TokenRefused(reason);
        return null;
    }
}
