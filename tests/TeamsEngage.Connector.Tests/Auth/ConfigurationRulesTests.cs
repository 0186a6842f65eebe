using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Tests.Auth;

public sealed class ConfigurationRulesTests
{
    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.5/v1/.well-known/openidconfiguration")]
    [InlineData("http://127.0.0.1.example.com/v1/.well-known/openidconfiguration")]
    [InlineData("ftp://127.0.0.1/metadata")]
    [InlineData("/v1/.well-known/openidconfiguration")]
    public void MetadataUrlThatIsNotHttpsOrLoopbackIsRejectedAtConstruction(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(url));
        Assert.Contains(nameof(BotOptions.ToBotFromChannelOpenIdMetadataUrl), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.botframework.com/metadata", "plain http is allowed only for a loopback host")]
    [InlineData("ftp://127.0.0.1/metadata", "only https is allowed")]
    [InlineData("keys/metadata", "it is not an absolute URL")]
    public void ARejectedMetadataUrlSaysWhatIsWrongWithIt(string url, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(url));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRefreshIntervalOfExactlyOneDayIsAccepted()
    {
        Assert.NotNull(Create(BotOptions.BotFrameworkOpenIdMetadataUrl, new InboundAuthenticationOptions { KeyRefreshInterval = TimeSpan.FromDays(1) }));
    }

    [Theory]
    [InlineData(BotOptions.BotFrameworkOpenIdMetadataUrl)]
    [InlineData("http://127.0.0.1:5000/v1/.well-known/openidconfiguration")]
    [InlineData("http://[::1]:5000/v1/.well-known/openidconfiguration")]
    [InlineData("http://localhost:5000/v1/.well-known/openidconfiguration")]
    public void HttpsOrLoopbackMetadataUrlIsAccepted(string url)
    {
        Assert.NotNull(Create(url));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void KeyRefreshIntervalOutsideOneDayIsRejected(int hours)
    {
        Assert.Throws<InvalidOperationException>(() =>
            Create(BotOptions.BotFrameworkOpenIdMetadataUrl, new InboundAuthenticationOptions { KeyRefreshInterval = TimeSpan.FromHours(hours) }));
    }

    [Fact]
    public void StartupValidationReportsANonLoopbackHttpMetadataUrl()
    {
        var services = new ServiceCollection();
        services.AddOptions<BotOptions>().Configure(o => o.ToBotFromChannelOpenIdMetadataUrl = "http://keys.example.org/metadata");
        services.AddBotInboundAuthentication();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(nameof(BotOptions.ToBotFromChannelOpenIdMetadataUrl), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistrationGivesOneSharedAuthenticatorAndKeepsAnExistingClock()
    {
        var clock = new Testing.Auth.ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddOptions<BotOptions>();
        services.AddBotInboundAuthentication();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var first = provider.GetRequiredService<IInboundAuthenticator>();
        Assert.IsType<BotFrameworkAuthenticator>(first);
        Assert.Same(first, provider.GetRequiredService<IInboundAuthenticator>());
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void RegistrationWithoutAClockUsesTheSystemClock()
    {
        var services = new ServiceCollection();
        services.AddOptions<BotOptions>();
        services.AddBotInboundAuthentication();
        using var provider = services.BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void StartupValidationReportsAnOutOfRangeKeyRefreshInterval()
    {
        var services = new ServiceCollection();
        services.AddOptions<BotOptions>();
        services.Configure<InboundAuthenticationOptions>(o => o.KeyRefreshInterval = TimeSpan.FromDays(2));
        services.AddBotInboundAuthentication();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("KeyRefreshInterval must be more than zero and at most 24 hours.", error.Message, StringComparison.Ordinal);
    }

    private static BotFrameworkAuthenticator Create(string metadataUrl, InboundAuthenticationOptions? auth = null)
    {
        using var provider = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new BotFrameworkAuthenticator(
            provider.GetRequiredService<IHttpClientFactory>(),
            Options.Create(new BotOptions { MicrosoftAppId = AuthenticatorHarness.AppId, ToBotFromChannelOpenIdMetadataUrl = metadataUrl }),
            Options.Create(auth ?? new InboundAuthenticationOptions()),
            TimeProvider.System,
            NullLogger<BotFrameworkAuthenticator>.Instance);
    }
}
