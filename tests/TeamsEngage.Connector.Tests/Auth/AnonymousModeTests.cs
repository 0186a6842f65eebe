using TeamsEngage.Connector.Auth;
using TeamsEngage.Testing.Auth;

namespace TeamsEngage.Connector.Tests.Auth;

public sealed class AnonymousModeTests : IAsyncLifetime
{
    private AuthenticatorHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthenticatorHarness.StartAsync(bot =>
    {
        bot.MicrosoftAppId = null;
        bot.IsAnonymous = true;
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task RequestWithoutHeaderGetsAnAnonymousIdentity(string? header)
    {
        var identity = await _h.AuthenticateAsync(header);

        Assert.NotNull(identity);
        Assert.Equal(BotFrameworkAuthenticator.AnonymousAuthenticationType, identity.AuthenticationType);
        Assert.Empty(identity.Claims);
        Assert.Equal(0, _h.Issuer.MetadataRequestCount);
    }

    [Fact]
    public async Task PresentHeaderIsStillValidated()
    {
        var header = _h.Bearer(new TokenOptions { WithoutSignature = true });

        Assert.Null(await _h.AuthenticateAsync(header));
        Assert.Equal(nameof(AuthFailureReason.Unsigned), _h.LastRefusal);
    }

    [Fact]
    public async Task MalformedHeaderIsStillRefused()
    {
        Assert.Null(await _h.AuthenticateAsync("Bearer a b"));
        Assert.Equal(nameof(AuthFailureReason.MalformedHeader), _h.LastRefusal);
    }

    [Fact]
    public async Task TokenForSomeAppIsRefusedWhenTheBotHasNoAppId()
    {
        Assert.Null(await _h.AuthenticateAsync(_h.Bearer()));
        Assert.Equal(nameof(AuthFailureReason.InvalidAudience), _h.LastRefusal);
    }
}
