using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Testing.Connector;

namespace TeamsEngage.Connector.Tests.Client;

/// <summary>A connector stub plus the real client pipeline from <see cref="ConnectorServiceCollectionExtensions.AddBotConnectorClient"/>.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorHarness(ConnectorStub stub, ServiceProvider services, FakeTokenProvider tokens, CapturingLoggerProvider logs)
    {
        Logs = logs;
        Stub = stub;
        _services = services;
        Tokens = tokens;
    }

    public ConnectorStub Stub { get; }

    public FakeTokenProvider Tokens { get; }

    public CapturingLoggerProvider Logs { get; }

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public ServiceUrlTrust Trust => _services.GetRequiredService<ServiceUrlTrust>();

    /// <summary>
    /// Starts a stub and a client whose backoff is a few milliseconds. <paramref name="settings"/> override keys of the
    /// <c>Connector</c> section; the stub's URL is trusted unless <paramref name="trustStub"/> is false.
    /// </summary>
    public static async Task<ConnectorHarness> StartAsync(
        IDictionary<string, string?>? settings = null, FakeTokenProvider? tokens = null, TimeProvider? time = null, bool trustStub = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["Connector:BaseDelay"] = "00:00:00.005",
            ["Connector:MaxDelay"] = "00:00:00.020",
            ["Connector:AttemptTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values["Connector:" + key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        tokens ??= new FakeTokenProvider();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IBotTokenProvider>(tokens);
        // The trust list reads the bot's cloud from its options, which must describe a complete identity.
        services.Configure<BotOptions>(o =>
        {
            o.MicrosoftAppType = "SingleTenant";
            o.MicrosoftAppId = "00000000-0000-0000-0000-0000000000b0";
            o.MicrosoftAppPassword = "not-used-the-token-provider-is-replaced";
            o.MicrosoftAppTenantId = "11111111-2222-3333-4444-555555555555";
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddBotConnectorClient(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var stub = await ConnectorStub.StartAsync();
        if (trustStub)
        {
            Assert.True(provider.GetRequiredService<ServiceUrlTrust>().Trust(stub.BaseUrl));
        }
        return new ConnectorHarness(stub, provider, tokens, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Stub.DisposeAsync();
    }
}
