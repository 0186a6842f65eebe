using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Testing.Auth;

namespace TeamsEngage.Connector.Tests.Auth;

public sealed class ChannelTokenValidationTests : IAsyncLifetime
{
    private AuthenticatorHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthenticatorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ValidTeamsTokenIsAcceptedWithItsClaimsUnmapped()
    {
        var identity = await _h.AuthenticateAsync(_h.Bearer());

        Assert.NotNull(identity);
        Assert.True(identity.IsAuthenticated);
        Assert.Equal(BotFrameworkAuthenticator.ChannelAuthenticationType, identity.AuthenticationType);
        Assert.Equal(AuthenticatorHarness.AppId, identity.FindFirst("aud")?.Value);
        Assert.Equal("https://api.botframework.com", identity.FindFirst("iss")?.Value);
        Assert.Equal(AuthenticatorHarness.ServiceUrl, identity.FindFirst("serviceurl")?.Value);
        Assert.Null(_h.LastRefusal);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task OtherAllowedRsaAlgorithmsAreAccepted(string algorithm)
    {
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { Algorithm = algorithm })));
    }

    [Fact]
    public async Task RsaPssSignedTokenIsRefused()
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { Algorithm = "PS256" })));
        Assert.Equal(nameof(AuthFailureReason.InvalidAlgorithm), _h.LastRefusal);
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("https://api.botframework.us")]
    public async Task WrongIssuerIsRefused(string issuer)
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { Issuer = issuer })));
        Assert.Equal(nameof(AuthFailureReason.InvalidIssuer), _h.LastRefusal);
    }

    [Theory]
    [InlineData("0b1d2c4e-5a67-4d7a-9f2e-3f1c9a526e0b")]
    [InlineData("3F1C9A52-6E0B-4D7A-9F2E-8B1D2C4E5A67")]
    [InlineData("3f1c9a52-6e0b-4d7a-9f2e-8b1d2c4e5a67/")]
    [InlineData("https://api.botframework.com")]
    public async Task WrongAudienceIsRefused(string audience)
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { Audience = audience })));
        Assert.Equal(nameof(AuthFailureReason.InvalidAudience), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenExpiredBeyondFiveMinuteSkewIsRefused()
    {
        var token = _h.Bearer();
        _h.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));

        Assert.Null(await _h.AuthenticateAsync(token));
        Assert.Equal(nameof(AuthFailureReason.Expired), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenExpiredWithinFiveMinuteSkewIsAccepted()
    {
        var token = _h.Bearer();
        _h.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(58));

        Assert.NotNull(await _h.AuthenticateAsync(token));
    }

    [Fact]
    public async Task TokenNotYetValidBeyondSkewIsRefused()
    {
        var notBefore = _h.Clock.GetUtcNow().AddMinutes(5).AddSeconds(2);

        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { NotBefore = notBefore })));
        Assert.Equal(nameof(AuthFailureReason.NotYetValid), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenWhoseNotBeforeIsAfterItsExpiryIsRefusedEvenWhenBothAreWithinTheSkew()
    {
        var now = _h.Clock.GetUtcNow();

        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { NotBefore = now.AddMinutes(-1), Expires = now.AddMinutes(-2) })));
        Assert.Equal(nameof(AuthFailureReason.InvalidToken), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenNotYetValidWithinSkewIsAccepted()
    {
        var notBefore = _h.Clock.GetUtcNow().AddMinutes(4).AddSeconds(58);

        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { NotBefore = notBefore })));
    }

    [Fact]
    public async Task TokenExpiredExactlyTheSkewAgoIsStillAccepted()
    {
        var token = _h.Bearer();
        _h.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));

        Assert.NotNull(await _h.AuthenticateAsync(token));

        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _h.AuthenticateAsync(token));
        Assert.Equal(nameof(AuthFailureReason.Expired), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenValidFromExactlyTheSkewAheadIsAcceptedAndOneSecondLaterIsNot()
    {
        var now = _h.Clock.GetUtcNow();

        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { NotBefore = now.AddMinutes(5) })));
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { NotBefore = now.AddMinutes(5).AddSeconds(1) })));
        Assert.Equal(nameof(AuthFailureReason.NotYetValid), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenWithoutExpirationIsRefused()
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { OmitExpires = true })));
        Assert.Equal(nameof(AuthFailureReason.NoExpiration), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenSignedByUnpublishedKeyIsRefused()
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = _h.Issuer.UnpublishedKey })));
        Assert.Equal(nameof(AuthFailureReason.UnknownSigningKey), _h.LastRefusal);
    }

    [Fact]
    public async Task KeyNotEndorsedForTheActivitysChannelIsRefused()
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = _h.Issuer.WebChatKey })));
        Assert.Equal(nameof(AuthFailureReason.KeyNotEndorsedForChannel), _h.LastRefusal);
    }

    [Fact]
    public async Task KeyEndorsedForTheActivitysChannelIsAcceptedForThatChannel()
    {
        var header = _h.Bearer(new TokenOptions { SigningKey = _h.Issuer.WebChatKey });

        Assert.NotNull(await _h.AuthenticateAsync(header, AuthenticatorHarness.Message(channelId: "webchat")));
    }

    [Theory]
    [InlineData("MSTEAMS")]
    [InlineData("webchat")]
    public async Task TeamsKeyIsRefusedForAnotherChannelName(string channelId)
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(), AuthenticatorHarness.Message(channelId: channelId)));
        Assert.Equal(nameof(AuthFailureReason.KeyNotEndorsedForChannel), _h.LastRefusal);
    }

    [Fact]
    public async Task KeyPublishedWithoutEndorsementsIsRefused()
    {
        var bare = _h.Issuer.PublishKey(null);

        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = bare })));
        Assert.Equal(nameof(AuthFailureReason.KeyNotEndorsedForChannel), _h.LastRefusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ActivityWithoutChannelIdIsRefused(string? channelId)
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(), AuthenticatorHarness.Message(channelId: channelId)));
        Assert.Equal(nameof(AuthFailureReason.MissingChannelId), _h.LastRefusal);
    }

    [Fact]
    public async Task UnsignedTokenIsRefused()
    {
        var header = _h.Bearer(new TokenOptions { WithoutSignature = true });
        Assert.EndsWith(".", header, StringComparison.Ordinal);

        Assert.Null(await _h.AuthenticateAsync(header));
        Assert.Equal(nameof(AuthFailureReason.Unsigned), _h.LastRefusal);
    }

    [Fact]
    public async Task HmacTokenSignedWithTheAppIdIsRefused()
    {
        var header = _h.Bearer(new TokenOptions { HmacSecret = AuthenticatorHarness.AppId });

        Assert.Null(await _h.AuthenticateAsync(header));
        Assert.Equal(nameof(AuthFailureReason.InvalidAlgorithm), _h.LastRefusal);
        Assert.Equal(0, _h.Issuer.MetadataRequestCount);
    }

    [Fact]
    public async Task TokenWithoutServiceUrlClaimIsRefused()
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { OmitServiceUrl = true })));
        Assert.Equal(nameof(AuthFailureReason.MissingServiceUrlClaim), _h.LastRefusal);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer")]
    [InlineData("https://smba.trafficmanager.net/amer//")]
    public async Task ServiceUrlClaimNotMatchingTheActivityIsRefused(string activityServiceUrl)
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(), AuthenticatorHarness.Message(serviceUrl: activityServiceUrl)));
        Assert.Equal(nameof(AuthFailureReason.ServiceUrlMismatch), _h.LastRefusal);
    }

    [Fact]
    public async Task ServiceUrlComparisonIgnoresCase()
    {
        var activity = AuthenticatorHarness.Message(serviceUrl: AuthenticatorHarness.ServiceUrl.ToUpperInvariant());

        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(), activity));
    }

    [Fact]
    public async Task ActivityWithoutServiceUrlIsRefused()
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(), AuthenticatorHarness.Message(serviceUrl: null)));
        Assert.Equal(nameof(AuthFailureReason.MissingServiceUrl), _h.LastRefusal);
    }

    [Fact]
    public async Task GarbageTokenIsRefused()
    {
        Assert.Null(await _h.AuthenticateAsync("Bearer not.a.jwt"));
        Assert.Equal(nameof(AuthFailureReason.MalformedToken), _h.LastRefusal);
    }

    [Fact]
    public async Task RefusalIsLoggedAsWarningWithoutTheToken()
    {
        var token = _h.Issuer.CreateToken(AuthenticatorHarness.AppId, AuthenticatorHarness.ServiceUrl, new TokenOptions { Issuer = "https://evil.example" });

        Assert.Null(await _h.AuthenticateAsync("Bearer " + token));

        var refusal = Assert.Single(_h.Logs.Records, r => r.Level == LogLevel.Warning);
        Assert.Equal(nameof(AuthFailureReason.InvalidIssuer), refusal["Reason"]?.ToString());
        var signature = token.Split('.')[2];
        Assert.All(_h.Logs.Records, r => Assert.DoesNotContain(signature, r.Message + r.Exception, StringComparison.Ordinal));
    }
}
