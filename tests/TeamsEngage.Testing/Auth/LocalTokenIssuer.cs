using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Testing.Auth;

/// <summary>
/// A stand-in for the Bot Framework channel's token service: a real HTTP server on 127.0.0.1 that publishes an OpenID
/// metadata document and a JWKS whose keys carry <c>endorsements</c>, and mints tokens signed with those keys.
/// Point <c>BotOptions.ToBotFromChannelOpenIdMetadataUrl</c> at <see cref="MetadataUrl"/>.
/// </summary>
public sealed class LocalTokenIssuer : IAsyncDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<IssuerKey> _published = [];
    private int _metadataRequests;
    private int _keysRequests;
    private int _keyCounter;

    private LocalTokenIssuer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        TeamsKey = PublishKey("msteams");
        WebChatKey = PublishKey("webchat");
        UnpublishedKey = NewKey(["msteams"]);
    }

    /// <summary>Published, endorsed for <c>msteams</c>. Signs tokens by default.</summary>
    public IssuerKey TeamsKey { get; }

    /// <summary>Published, endorsed for <c>webchat</c> only.</summary>
    public IssuerKey WebChatKey { get; }

    /// <summary>Never published: tokens signed with it name an unknown <c>kid</c>.</summary>
    public IssuerKey UnpublishedKey { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string MetadataUrl => BaseUrl + MetadataPath;

    public string KeysUrl => BaseUrl + KeysPath;

    public int MetadataRequestCount => Volatile.Read(ref _metadataRequests);

    public int KeysRequestCount => Volatile.Read(ref _keysRequests);

    /// <summary>The issuer named in the metadata document (the public channel's by default; a government channel's in its tests).</summary>
    public string PublishedIssuer { get; set; } = PublicChannelIssuer;

    public const string PublicChannelIssuer = "https://api.botframework.com";

    public const string USGovChannelIssuer = "https://api.botframework.us";

    /// <summary>While true, both documents answer 503.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Starts the server. Token times default to <paramref name="clock"/> (the system clock if null).</summary>
    public static async Task<LocalTokenIssuer> StartAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalTokenIssuer(app, clock ?? TimeProvider.System);
        app.MapGet(MetadataPath, issuer.ServeMetadata);
        app.MapGet(KeysPath, issuer.ServeKeys);
        await app.StartAsync(cancellationToken);
        issuer.BaseUrl = app.Urls.Single().TrimEnd('/');
        return issuer;
    }

    /// <summary>Generates a new key and adds it to the JWKS. Null endorsements publish it without that member.</summary>
    public IssuerKey PublishKey(params string[]? endorsements)
    {
        var key = NewKey(endorsements);
        lock (_gate)
        {
            _published.Add(key);
        }
        return key;
    }

    /// <summary>A token as the channel sends it to a Teams bot, valid for activities from msteams at <paramref name="serviceUrl"/>.</summary>
    public string CreateToken(string appId, string serviceUrl, TokenOptions? options = null)
    {
        options ??= new TokenOptions();
        var notBefore = options.NotBefore ?? _clock.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        if (!options.OmitServiceUrl)
        {
            claims["serviceurl"] = serviceUrl;
        }
        foreach (var (name, value) in options.ExtraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience ?? appId,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = options.OmitExpires ? null : (options.Expires ?? notBefore.AddHours(1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = SigningCredentials(options),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private SigningCredentials? SigningCredentials(TokenOptions options)
    {
        if (options.WithoutSignature)
        {
            return null;
        }
        var key = options.SigningKey ?? TeamsKey;
        if (options.HmacSecret is not null)
        {
            var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.HmacSecret)) { KeyId = key.KeyId };
            return new SigningCredentials(secret, SecurityAlgorithms.HmacSha256);
        }
        return new SigningCredentials(key.SecurityKey, options.Algorithm);
    }

    private IssuerKey NewKey(IReadOnlyList<string>? endorsements)
    {
        lock (_gate)
        {
            var key = new IssuerKey($"local-key-{_keyCounter + 1}", endorsements, RsaKeyPool.Get(_keyCounter));
            _keyCounter++;
            return key;
        }
    }

    private IResult ServeMetadata()
    {
        Interlocked.Increment(ref _metadataRequests);
        if (Unavailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = PublishedIssuer,
            ["jwks_uri"] = KeysUrl,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        });
    }

    private IResult ServeKeys()
    {
        Interlocked.Increment(ref _keysRequests);
        if (Unavailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        lock (_gate)
        {
            return Results.Json(new Dictionary<string, object> { ["keys"] = _published.Select(k => k.ToJwk()).ToList() });
        }
    }
}
