using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using TeamsEngage.Connector.Client;
using TeamsEngage.Conversations;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Hosting;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Outbox;

/// <summary>
/// One instance of the whole bot for outbox tests, on a data folder and connector stub the test owns, so a second
/// instance can run on the same store (two instances, or a restart after a crash).
/// </summary>
internal sealed class OutboxHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private OutboxHost(WebApplicationFactory<Program> factory, TestRenderer renderer)
    {
        _factory = factory;
        Renderer = renderer;
    }

    public static Dictionary<string, string?> FastSettings() => new()
    {
        ["TeamsEngage:Outbox:RequestsPerSecond"] = "1000",
        ["TeamsEngage:Outbox:PollInterval"] = "00:00:00.100",
        ["TeamsEngage:Outbox:LeaseDuration"] = "00:00:12",
        ["TeamsEngage:Outbox:SendTimeout"] = "00:00:05",
        ["TeamsEngage:Outbox:RetryBaseDelay"] = "00:00:00.020",
        ["TeamsEngage:Outbox:RetryMaxDelay"] = "00:00:00.100",
        ["TeamsEngage:Outbox:ErrorDelay"] = "00:00:00.100",
    };

    public TestRenderer Renderer { get; }

    public IServiceProvider Services => _factory.Services;

    public IOutbox Outbox => new HomeTenantOutbox(Services.GetRequiredService<IOutbox>());

    /// <summary>Every log record the host has written so far.</summary>
    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    public static OutboxHost Start(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var config = new Dictionary<string, string?>(FastSettings())
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = Fixtures.BotAppId,
            ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
            ["MicrosoftAppTenantId"] = Fixtures.TenantId,
            ["Storage:DataDirectory"] = dataDirectory,
            ["TeamsEngage:PublicBaseUrl"] = TestBotHostBuilder<Program>.PublicBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var renderer = new TestRenderer();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(collection =>
            {
                collection.AddFakeLogging();
                collection.RemoveAll<IBotTokenProvider>();
                collection.AddSingleton<IBotTokenProvider>(new FixedTokenProvider());
                collection.AddSingleton<IOutboxRenderer>(renderer);
                collection.AddSingleton<IOutboxRenderer>(new SkippingRenderer());
                services?.Invoke(collection);
            });
        });
        var host = new OutboxHost(factory, renderer);
        _ = host.Services;
        return host;
    }

    /// <summary>Records the 1:1 conversation of each persona, as the bot does when they first write to it.</summary>
    public async Task KnowAsync(ConnectorStub connector, IEnumerable<Persona> people)
    {
        var references = Services.GetRequiredService<ConversationReferenceStore>();
        foreach (var person in people)
        {
            await references.RefreshAsync(Reference(connector, person), CancellationToken.None);
        }
    }

    public static ConversationReference Reference(ConnectorStub connector, Persona person) => new(
        person.UserId, person.AadObjectId, person.Name, connector.BaseUrl, person.ConversationId, Fixtures.TenantId, "28:" + Fixtures.BotAppId, person.Locale, "America/Chicago");

    public async Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(string broadcastId)
    {
        var records = new List<DeliveryRecord>();
        await foreach (var record in Outbox.ReadDeliveriesAsync(broadcastId))
        {
            records.Add(record);
        }
        return records;
    }

    /// <summary>Waits until no delivery of the broadcast is pending, and returns the records.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> WaitUntilSettledAsync(string broadcastId, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var records = await DeliveriesAsync(broadcastId);
            if (records.Count > 0 && records.All(r => r.Status != DeliveryStatus.Pending))
            {
                return records;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException(records.Count(r => r.Status == DeliveryStatus.Pending) + " deliveries still pending of " + records.Count);
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed class FixedTokenProvider : IBotTokenProvider
    {
        public bool HasCredentials => true;

        public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>("test-outbound-token");
    }
}
