using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Testing.Auth;

namespace TeamsEngage.Connector.Tests.Auth;

/// <summary>The authenticator as DI builds it, pointed at a <see cref="LocalTokenIssuer"/> over real HTTP, on a manual clock.</summary>
public sealed class AuthenticatorHarness : IAsyncDisposable
{
    public const string AppId = "3f1c9a52-6e0b-4d7a-9f2e-8b1d2c4e5a67";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly ServiceProvider _services;

    private AuthenticatorHarness(LocalTokenIssuer issuer, ManualTimeProvider clock, RecordingLoggerProvider logs, ServiceProvider services)
    {
        Issuer = issuer;
        Clock = clock;
        Logs = logs;
        _services = services;
        Authenticator = services.GetRequiredService<IInboundAuthenticator>();
    }

    public LocalTokenIssuer Issuer { get; }

    public ManualTimeProvider Clock { get; }

    public RecordingLoggerProvider Logs { get; }

    public IInboundAuthenticator Authenticator { get; }

    public static async Task<AuthenticatorHarness> StartAsync(
        Action<BotOptions>? configureBot = null,
        Action<InboundAuthenticationOptions>? configureAuth = null)
    {
        var clock = new ManualTimeProvider();
        var issuer = await LocalTokenIssuer.StartAsync(clock);
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddOptions<BotOptions>().Configure(bot =>
        {
            bot.MicrosoftAppId = AppId;
            bot.ToBotFromChannelOpenIdMetadataUrl = issuer.MetadataUrl;
            configureBot?.Invoke(bot);
        });
        if (configureAuth is not null)
        {
            services.Configure(configureAuth);
        }
        services.AddBotInboundAuthentication();
        return new AuthenticatorHarness(issuer, clock, logs, services.BuildServiceProvider());
    }

    public static Activity Message(string? channelId = "msteams", string? serviceUrl = ServiceUrl) =>
        new() { Type = ActivityTypes.Message, Id = "1", ChannelId = channelId, ServiceUrl = serviceUrl };

    public string Bearer(TokenOptions? options = null) => "Bearer " + Issuer.CreateToken(AppId, ServiceUrl, options);

    public Task<ClaimsIdentity?> AuthenticateAsync(string? header, Activity? activity = null) =>
        Authenticator.AuthenticateAsync(header, activity ?? Message());

    /// <summary>The reason of the most recent refusal warning, or null if none was logged.</summary>
    public string? LastRefusal =>
        Logs.Records.LastOrDefault(r => r.Level == LogLevel.Warning && r.State.ContainsKey("Reason"))?["Reason"]?.ToString();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
