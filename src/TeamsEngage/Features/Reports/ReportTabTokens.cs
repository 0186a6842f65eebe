using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// Reads the Teams single sign-on token the dashboard's tab sends: signed by a key of the configured OpenID metadata
/// (RS256 only), issued by one of the configured issuers for the token's own tenant, that tenant admitted by the
/// messaging endpoint's tenant rule, meant for the tab's app registration, with the <c>access_as_user</c> scope and the
/// person's object id, and within its lifetime by the app's clock.
/// </summary>
public sealed partial class ReportTabTokens
{
    public const string HttpClientName = "TeamsEngage.Reports.TabSigningKeys";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly ReportTabOptions _options;
    private readonly IReadOnlyList<string> _tenants;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReportTabTokens> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ReportTabKeys? _keys;

    public ReportTabTokens(IOptions<ReportTabOptions> options, IOptions<BotEndpointOptions> endpoint, IHttpClientFactory httpClients, TimeProvider clock, ILogger<ReportTabTokens> logger)
    {
        _options = options.Value;
        _tenants = [.. endpoint.Value.AllowedTenants];
        _clock = clock;
        _logger = logger;
        if (_options.Enabled)
        {
            var retriever = new FactoryRetriever(httpClients, new Uri(_options.MetadataUrl).Scheme == Uri.UriSchemeHttps);
            _keys = new ReportTabKeys(_options.MetadataUrl, retriever, _options.KeyRefreshInterval, clock, logger);
        }
    }

    /// <summary>Whether the tab signs people in at all (an app registration is configured).</summary>
    public bool Enabled => _keys is not null;

    /// <summary>The person a bearer token names, or null when it is missing or fails any check (the reason is logged, never the token).</summary>
    public async Task<ReportIdentity?> ReadAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (_keys is null)
        {
            return null;
        }
        const string bearer = "Bearer ";
        if (authorization is not { Length: > 7 and < 16_000 } || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("no bearer token");
        }
        var token = authorization[bearer.Length..].Trim();
        if (token.Count(c => c == '.') != 2)
        {
            return Refuse("not a signed token");
        }
        JsonWebToken read;
        try
        {
            read = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return Refuse("not a token");
        }
        var keys = string.IsNullOrEmpty(read.Kid)
            ? await _keys.GetAsync(cancellationToken).ConfigureAwait(false)
            : await _keys.GetWithAsync(read.Kid, cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return Refuse("no signing keys");
        }
        var result = await _handler.ValidateTokenAsync(read, Parameters(keys)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Refuse(result.Exception?.GetType().Name ?? "invalid");
        }
        var claims = result.ClaimsIdentity;
        var scopes = (claims.FindFirst("scp")?.Value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains(ReportTabOptions.Scope, StringComparer.Ordinal))
        {
            return Refuse("no access_as_user scope");
        }
        if (claims.FindFirst("oid")?.Value is not { } oid || !Guid.TryParse(oid, out _))
        {
            return Refuse("no object id");
        }
        var tenant = claims.FindFirst("tid")!.Value;
        return new ReportIdentity(tenant, oid, oid);
    }

    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> keys) => new()
    {
        IssuerSigningKeys = keys,
        ValidAudiences = [_options.ClientId!.Trim(), _options.ApplicationIdUri!.Trim()],
        IgnoreTrailingSlashWhenValidatingAudience = false,
        IssuerValidator = ValidateIssuer,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        AuthenticationType = "TeamsSingleSignOn",
    };

    // The issuer must be one of the configured ones written for the token's own tenant, and that tenant must be admitted.
    private string ValidateIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
    {
        if (token is not JsonWebToken jwt || !jwt.TryGetPayloadValue<string>("tid", out var tenant) || !Guid.TryParse(tenant, out _))
        {
            throw new SecurityTokenInvalidIssuerException("The token names no tenant.");
        }
        if (_tenants.Count > 0 && !_tenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            throw new SecurityTokenInvalidIssuerException("The token's tenant is not one this bot serves.");
        }
        if (!_options.EffectiveIssuers.Any(template => string.Equals(template.Replace("{tenantid}", tenant, StringComparison.Ordinal), issuer, StringComparison.Ordinal)))
        {
            throw new SecurityTokenInvalidIssuerException("The token's issuer is not its tenant's.");
        }
        return issuer;
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (expires is null || now - ClockSkew >= expires.Value.ToUniversalTime())
        {
            throw new SecurityTokenExpiredException("The token has expired.");
        }
        if (notBefore is { } start && now + ClockSkew < start.ToUniversalTime())
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }
        return true;
    }

    private ReportIdentity? Refuse(string reason)
    {
        LogRefused(_logger, reason);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A dashboard tab sign-in was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    /// <summary>Downloads the metadata and keys through a client of the factory each time, so the factory's handlers rotate.</summary>
    private sealed class FactoryRetriever(IHttpClientFactory httpClients, bool requireHttps) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = requireHttps }.GetDocumentAsync(address, cancel);
    }
}
