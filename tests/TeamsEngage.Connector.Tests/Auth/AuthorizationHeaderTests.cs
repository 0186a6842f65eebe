using TeamsEngage.Connector.Auth;

namespace TeamsEngage.Connector.Tests.Auth;

public sealed class AuthorizationHeaderTests : IAsyncLifetime
{
    private AuthenticatorHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthenticatorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task MissingHeaderIsRefused(string? header)
    {
        Assert.Null(await _h.AuthenticateAsync(header));
        Assert.Equal(nameof(AuthFailureReason.MissingHeader), _h.LastRefusal);
        Assert.Equal(0, _h.Issuer.MetadataRequestCount);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic x")]
    [InlineData("Bearer a b")]
    [InlineData("Bearer  token")]
    [InlineData(" ")]
    [InlineData("token")]
    public async Task MalformedHeaderIsRefused(string header)
    {
        Assert.Null(await _h.AuthenticateAsync(header));
        Assert.Equal(nameof(AuthFailureReason.MalformedHeader), _h.LastRefusal);
    }

    [Fact]
    public async Task ValidTokenBehindAnotherSchemeIsRefused()
    {
        var header = _h.Bearer().Replace("Bearer ", "Basic ", StringComparison.Ordinal);

        Assert.Null(await _h.AuthenticateAsync(header));
        Assert.Equal(nameof(AuthFailureReason.MalformedHeader), _h.LastRefusal);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task SchemeIsMatchedIgnoringCase(string scheme)
    {
        var header = _h.Bearer().Replace("Bearer", scheme, StringComparison.Ordinal);

        Assert.NotNull(await _h.AuthenticateAsync(header));
    }
}
