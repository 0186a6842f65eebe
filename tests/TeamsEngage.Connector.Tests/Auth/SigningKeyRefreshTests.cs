using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Testing.Auth;

namespace TeamsEngage.Connector.Tests.Auth;

public sealed class SigningKeyRefreshTests : IAsyncLifetime
{
    private AuthenticatorHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthenticatorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private int Fetches => _h.Issuer.KeysRequestCount;

    [Fact]
    public async Task KeysAreFetchedOnceAndReusedUntilTheRefreshInterval()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        }
        Assert.Equal(1, _h.Issuer.MetadataRequestCount);
        Assert.Equal(1, Fetches);

        _h.Clock.Advance(TimeSpan.FromHours(11));
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        Assert.Equal(1, Fetches);

        _h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        Assert.Equal(2, _h.Issuer.MetadataRequestCount);
        Assert.Equal(2, Fetches);
    }

    [Fact]
    public async Task KeyPublishedAfterTheFirstFetchIsPickedUpWithOneForcedRefresh()
    {
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        var rotated = _h.Issuer.PublishKey("msteams");

        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = rotated })));
        Assert.Equal(2, _h.Issuer.MetadataRequestCount);
        Assert.Equal(2, Fetches);

        // Now known: no further fetch.
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = rotated })));
        Assert.Equal(2, Fetches);
    }

    [Fact]
    public async Task SecondUnknownKeyWithinFiveMinutesDoesNotRefetch()
    {
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        var first = _h.Issuer.PublishKey("msteams");
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = first })));
        Assert.Equal(2, Fetches);

        var second = _h.Issuer.PublishKey("msteams");
        _h.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = second })));
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = _h.Issuer.UnpublishedKey })));
        Assert.Equal(nameof(AuthFailureReason.UnknownSigningKey), _h.LastRefusal);
        Assert.Equal(2, Fetches);

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = second })));
        Assert.Equal(3, Fetches);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneFetch()
    {
        var headers = Enumerable.Range(0, 16).Select(_ => _h.Bearer()).ToList();

        var identities = await Task.WhenAll(headers.Select(h => Task.Run(() => _h.AuthenticateAsync(h))));

        Assert.All(identities, Assert.NotNull);
        Assert.Equal(1, _h.Issuer.MetadataRequestCount);
        Assert.Equal(1, Fetches);
    }

    [Fact]
    public async Task UnavailableKeysRefuseWithoutThrowingAndLogAnError()
    {
        _h.Issuer.Unavailable = true;

        Assert.Null(await _h.AuthenticateAsync(_h.Bearer()));

        Assert.Equal(nameof(AuthFailureReason.SigningKeysUnavailable), _h.LastRefusal);
        var error = Assert.Single(_h.Logs.Records, r => r.Level == LogLevel.Error);
        Assert.IsType<HttpRequestException>(error.Exception);
        Assert.Equal(_h.Issuer.MetadataUrl, error["MetadataUrl"]?.ToString());
    }

    [Fact]
    public async Task KeysAreFetchedAgainOnceTheIssuerRecovers()
    {
        _h.Issuer.Unavailable = true;
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer()));

        _h.Issuer.Unavailable = false;
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
    }

    [Fact]
    public async Task PreviousKeysStayInUseWhenAScheduledRefreshFails()
    {
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        _h.Issuer.Unavailable = true;
        _h.Clock.Advance(TimeSpan.FromHours(13));

        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));

        Assert.Single(_h.Logs.Records, r => r.Level == LogLevel.Error);
        Assert.Equal(2, _h.Issuer.MetadataRequestCount);
    }
}

public sealed class ConfiguredRefreshIntervalTests : IAsyncLifetime
{
    private AuthenticatorHarness _h = null!;

    public async Task InitializeAsync() =>
        _h = await AuthenticatorHarness.StartAsync(configureAuth: o => o.KeyRefreshInterval = TimeSpan.FromHours(1));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task KeysAreRefreshedAfterTheConfiguredInterval()
    {
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        _h.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        Assert.Equal(1, _h.Issuer.KeysRequestCount);

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        Assert.Equal(2, _h.Issuer.KeysRequestCount);
    }
}

public sealed class UnknownKeyWhileTheIssuerIsDownTests : IAsyncLifetime
{
    private AuthenticatorHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthenticatorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AnUnknownKeyIsRefusedAndTheKnownKeysStayInUseWhenTheForcedRefreshFails()
    {
        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
        _h.Clock.Advance(TimeSpan.FromMinutes(6));
        _h.Issuer.Unavailable = true;

        Assert.Null(await _h.AuthenticateAsync(_h.Bearer(new TokenOptions { SigningKey = _h.Issuer.UnpublishedKey })));
        Assert.Equal(nameof(AuthFailureReason.UnknownSigningKey), _h.LastRefusal);
        Assert.Equal(2, _h.Issuer.MetadataRequestCount);

        Assert.NotNull(await _h.AuthenticateAsync(_h.Bearer()));
    }
}
